using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;

namespace QqConnect.Client.Transport;

/// <summary>
/// Sends one GET, reads the answer under the size cap, parses it, and turns every failure into a
/// <see cref="QqConnectException"/>. The one path all four calls take. The first attempt runs under one timer
/// (<see cref="ResiliencePipelines.FirstAttemptTimeout"/>); only a failed first attempt enters the retry pipeline
/// its idempotency allows, with what is left of the total timeout.
/// </summary>
internal sealed class QqTransport
{
    private readonly AppCallSetup _setup;
    private readonly IHttpClientFactory? _httpClientFactory;
    private readonly IHttpMessageHandlerFactory? _handlerFactory;
    private readonly string? _httpClientName;
    private HttpMessageInvoker? _sender;
    private volatile bool _disposed;

    public QqTransport(HttpClient httpClient, AppCallSetup setup)
    {
        _sender = httpClient;
        _setup = setup;
    }

    /// <summary>
    /// A transport that takes its sender from the factories on its first call, so a client used only to build an
    /// authorize URL (a login's first step) creates none: the registration's handler pipeline itself when
    /// <paramref name="handlerFactory"/> is given (the registration's HttpClient would add nothing), else its HttpClient.
    /// </summary>
    public QqTransport(IHttpClientFactory httpClientFactory, IHttpMessageHandlerFactory? handlerFactory, string httpClientName, AppCallSetup setup)
    {
        _httpClientFactory = httpClientFactory;
        _handlerFactory = handlerFactory;
        _httpClientName = httpClientName;
        _setup = setup;
    }

    private HttpMessageInvoker Sender => _sender ?? CreateSender();

    /// <summary>The owning client was disposed: later calls throw, calls in flight report it.</summary>
    public void MarkDisposed() => _disposed = true;

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the client once it is disposed.</summary>
    public void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(typeof(QqConnectClient).FullName, "The QqConnectClient was disposed; create a new one.");
        }
    }

    /// <summary>Performs the call; a single-use call is retried only by the pipeline that never replays a request QQ may have seen.</summary>
    /// <remarks>
    /// A <see cref="ValueTask{TResult}"/> awaited once by the client (pooled state machines on .NET 6+): a call that
    /// completes asynchronously (any real socket) allocates no state machine of its own, here or in the attempt.
    /// </remarks>
#if NET6_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<T> SendAsync<T>(QqRequest<T> request, CancellationToken cancellationToken)
    {
        var context = request.Context;
        var timeProvider = _setup.TimeProvider;
        var started = timeProvider.GetTimestamp();
        using var activity = QqConnectTelemetry.StartCall(context.Operation);
        try
        {
            // The first attempt, under one timer linked to the caller's token: its firing becomes a
            // TimeoutRejectedException, as the timeout strategy of a pipeline would make it; every other failure is
            // kept as it came. (Inline rather than a method of its own: one state machine less per call.)
            Outcome<(HttpStatusCode, T)> outcome;
            var timeout = _setup.Pipelines.FirstAttemptTimeout;
            var source = TimeoutSource.Rent(timeProvider, timeout);
            var link = TimeoutSource.Link(source, cancellationToken);
            try
            {
                outcome = await AttemptAsync(request, source.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (source.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                outcome = Outcome.FromException<(HttpStatusCode, T)>(new TimeoutRejectedException($"The attempt did not complete within {timeout}.", timeout, ex));
            }
            catch (Exception ex)
            {
                outcome = Outcome.FromException<(HttpStatusCode, T)>(ex);
            }
            finally
            {
                link.Dispose();
                TimeoutSource.Return(timeProvider, source);
            }

            if (outcome.Exception is not null)
            {
                outcome = await RetryAsync(request, outcome, started, cancellationToken).ConfigureAwait(false);
            }

            outcome.ThrowIfException();
            var (status, result) = outcome.Result;
            if (activity is not null || _setup.Telemetry.IsRecording || _setup.Logger.IsEnabled(LogLevel.Debug))
            {
                // The second clock read only when someone takes the duration.
                var elapsed = timeProvider.GetElapsedTime(started);
                QqConnectLog.CallSucceeded(_setup.Logger, context.Operation, (int)status, (long)elapsed.TotalMilliseconds);
                _setup.Telemetry.Succeeded(activity, context.Operation, (int)status, elapsed);
            }

            return result;
        }
        catch (Exception ex) when (_disposed && !cancellationToken.IsCancellationRequested && IsDisposalFailure(ex))
        {
            // Disposing the client cancelled the call (an owned HttpClient cancels its pending requests).
            throw new ObjectDisposedException(
                typeof(QqConnectClient).FullName,
                $"The QqConnectClient was disposed while the {context.Operation} call was in flight.");
        }
        catch (Exception ex) when (Translate(ex, context, cancellationToken) is { } failure)
        {
            Report(failure, started, activity);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
    }

    /// <summary>
    /// After a failed first attempt: the retry pipeline of the call's idempotency decides, from that failure, whether
    /// and when to try again, within what is left of the total timeout. No retry pipeline (resilience off, no
    /// retries), a spent total timeout or a cancelled call end with the first failure.
    /// </summary>
    private async ValueTask<Outcome<(HttpStatusCode, T)>> RetryAsync<T>(QqRequest<T> request, Outcome<(HttpStatusCode, T)> first, long started, CancellationToken cancellationToken)
    {
        var pipelines = _setup.Pipelines;
        var pipeline = request.SingleUse ? pipelines.SingleUseRetries : pipelines.ReadRetries;
        if (pipeline is null || cancellationToken.IsCancellationRequested)
        {
            return first;
        }

        var remaining = pipelines.TotalTimeout - _setup.TimeProvider.GetElapsedTime(started);
        if (first.Exception is TimeoutRejectedException && !pipelines.FirstTimeoutIsAttempt)
        {
            // The first attempt's timer was the total timeout: the call is over.
            return first;
        }

        if (remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<(HttpStatusCode, T)>(new TimeoutRejectedException($"The call did not complete within {pipelines.TotalTimeout}.", pipelines.TotalTimeout));
        }

        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(ResiliencePipelines.OperationKey, request.Context.Operation);
        resilience.Properties.Set(ResiliencePipelines.RemainingKey, remaining);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                static (resilience, state) => state.NextAsync(resilience.CancellationToken),
                resilience,
                new Retry<T>(this, request, first)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>One attempt: send, check the status, read the body under the cap, parse.</summary>
#if NET6_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<Outcome<(HttpStatusCode, T)>> AttemptAsync<T>(QqRequest<T> request, CancellationToken cancellationToken)
    {
        var context = request.Context;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Uri);
            // An HttpClient must be told not to buffer the body (the reader caps it); a handler pipeline never does.
            var sender = Sender;
            using var response = await (sender is HttpClient client
                ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                : sender.SendAsync(message, cancellationToken)).ConfigureAwait(false);
            var answered = context.WithStatus(response.StatusCode);
            if ((int)response.StatusCode is < 200 or > 299)
            {
                return Outcome.FromException<(HttpStatusCode, T)>(
                    answered.Fail(QqConnectErrorKind.HttpStatus, $"QQ Connect answered {context.Operation} with HTTP {(int)response.StatusCode}."));
            }

            using var body = await ResponseBodyReader.ReadAsync(response.Content, _setup.MaxResponseBodySize, answered, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult((response.StatusCode, request.Parse(body.Span, answered)));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Outcome.FromException<(HttpStatusCode, T)>(context.Fail(
                QqConnectErrorKind.Transport,
                $"The {context.Operation} request to QQ Connect failed before a complete answer arrived ({ex.GetType().Name}); see the inner exception.",
                ex));
        }
        catch (QqConnectException ex)
        {
            return Outcome.FromException<(HttpStatusCode, T)>(ex);
        }
    }

    private HttpMessageInvoker CreateSender()
    {
        // Two first calls at once may both create one; factory clients and pipelines need no disposal (the factory
        // owns the handlers), so the loser is dropped.
        var created = _handlerFactory is null
            ? _httpClientFactory!.CreateClient(_httpClientName!)
            : new HttpMessageInvoker(_handlerFactory.CreateHandler(_httpClientName!), disposeHandler: false);
        return Interlocked.CompareExchange(ref _sender, created, null) ?? created;
    }

    /// <summary>The retry pipeline's callback: the first attempt's failure once, as the pipeline's own first outcome, then new attempts.</summary>
    private sealed class Retry<T>
    {
        private readonly QqTransport _transport;
        private readonly QqRequest<T> _request;
        private Outcome<(HttpStatusCode, T)>? _first;

        public Retry(QqTransport transport, QqRequest<T> request, Outcome<(HttpStatusCode, T)> first)
        {
            _transport = transport;
            _request = request;
            _first = first;
        }

        public ValueTask<Outcome<(HttpStatusCode, T)>> NextAsync(CancellationToken cancellationToken)
        {
            if (_first is { } first)
            {
                _first = null;
                return new ValueTask<Outcome<(HttpStatusCode, T)>>(first);
            }

            return _transport.AttemptAsync(_request, cancellationToken);
        }
    }

    /// <summary>
    /// The exception the caller gets: the SDK's own as they are, timeouts (attempt, total, or HttpClient.Timeout)
    /// as <see cref="QqConnectErrorKind.Timeout"/>; <see langword="null"/> lets the caller's cancellation and
    /// anything unexpected pass untouched.
    /// </summary>
    private static QqConnectException? Translate(Exception exception, CallContext context, CancellationToken cancellationToken) => exception switch
    {
        QqConnectException failure => failure,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException or OperationCanceledException or TimeoutException =>
            context.Fail(QqConnectErrorKind.Timeout, $"The {context.Operation} request to QQ Connect timed out.", exception),
        _ => null,
    };

    private static bool IsDisposalFailure(Exception exception) => exception is OperationCanceledException or ObjectDisposedException
        or TimeoutRejectedException or QqConnectException { Kind: QqConnectErrorKind.Transport or QqConnectErrorKind.Timeout };

    private void Report(QqConnectException failure, long started, System.Diagnostics.Activity? activity)
    {
        var elapsed = _setup.TimeProvider.GetElapsedTime(started);
        if (failure is QqConnectApiException api)
        {
            QqConnectLog.CallRejected(_setup.Logger, api.Operation, api.ErrorCode, (int?)api.StatusCode, (long)elapsed.TotalMilliseconds);
        }
        else
        {
            QqConnectLog.CallFailed(_setup.Logger, failure.Operation, failure.Kind, (int?)failure.StatusCode, (long)elapsed.TotalMilliseconds);
        }

        _setup.Telemetry.Failed(activity, failure, elapsed);
    }
}
