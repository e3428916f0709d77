using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;
using QqConnect.Client.Parsing;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Transport;

/// <summary>
/// The one path all four calls take. An attempt (<see cref="AttemptAsync{T}"/>): build the request, send it, check
/// the status, read the body under the size cap, parse it (a parser's failure becomes the call's exception here).
/// A call (<see cref="SendAsync{T}"/>): its attempts as <see cref="CallResilience"/> runs them, then the report (log,
/// telemetry) and every failure as a <see cref="QqConnectException"/>.
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

    // The object a disposed transport's ObjectDisposedException names: the client that owns it (named, not referenced,
    // so that Transport does not use the client it serves).
    private const string ClientTypeName = "QqConnect.Client.QqConnectClient";

    private HttpMessageInvoker Sender => _sender ?? CreateSender();

    /// <summary>The owning client was disposed: later calls throw, calls in flight report it.</summary>
    public void MarkDisposed() => _disposed = true;

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the client once it is disposed.</summary>
    public void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(ClientTypeName, "The QqConnectClient was disposed; create a new one.");
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
            var outcome = await _setup.Resilience.RunAsync(
                static (call, token) => call.Transport.AttemptAsync(call.Request, token),
                (Transport: this, Request: request),
                context.Operation,
                request.SingleUse,
                started,
                cancellationToken).ConfigureAwait(false);
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
                ClientTypeName,
                Messages.Format(Strings.DisposedInFlight, context.Operation));
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
                    answered.Fail(QqConnectErrorKind.HttpStatus, Messages.Format(Strings.HttpStatus, context.Operation, (int)response.StatusCode)));
            }

            using var body = await ResponseBodyReader.ReadAsync(response.Content, _setup.MaxResponseBodySize, answered, cancellationToken).ConfigureAwait(false);
            var parsed = request.Parse(body.Span, _setup.TimeProvider);
            if (parsed.Failure is { } failure)
            {
                if (failure.Kind == ParseFailureKind.Refused)
                {
                    QqConnectLog.TokenRejected(_setup.Logger, failure.Description!);
                }

                return Outcome.FromException<(HttpStatusCode, T)>(answered.Fail(failure));
            }

            return Outcome.FromResult((response.StatusCode, parsed.Value));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Outcome.FromException<(HttpStatusCode, T)>(context.Fail(
                QqConnectErrorKind.Transport,
                Messages.Format(Strings.TransportFailed, context.Operation, ex.GetType().Name),
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
            context.Fail(QqConnectErrorKind.Timeout, Messages.Format(Strings.TimedOut, context.Operation), exception),
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
