using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;

namespace QqConnect.Client.Transport;

/// <summary>
/// Sends one GET through the resilience pipeline the call's idempotency allows, reads the answer under the
/// size cap, parses it, and turns every failure into a <see cref="QqConnectException"/>. The one path all
/// four calls take.
/// </summary>
internal sealed class QqTransport
{
    private readonly HttpClient _httpClient;
    private readonly int _maxResponseBodySize;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipelines _pipelines;
    private readonly QqConnectTelemetry _telemetry;
    private volatile bool _disposed;

    public QqTransport(HttpClient httpClient, QqConnectOptions options, TimeProvider timeProvider, ILogger logger, QqConnectTelemetry telemetry)
    {
        _telemetry = telemetry;
        _httpClient = httpClient;
        _maxResponseBodySize = options.MaxResponseBodySize;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipelines = ResiliencePipelines.Create(options.Resilience, timeProvider, logger);
    }

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

    /// <summary>Performs the call; a single-use call goes through the pipeline that never replays a request QQ may have seen.</summary>
    public async Task<T> SendAsync<T>(QqRequest<T> request, CancellationToken cancellationToken)
    {
        var context = request.Context;
        var started = _timeProvider.GetTimestamp();
        using var activity = QqConnectTelemetry.StartCall(context.Operation);
        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(ResiliencePipelines.OperationKey, context.Operation);
        try
        {
            var pipeline = request.SingleUse ? _pipelines.SingleUse : _pipelines.Read;
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (resilience, state) => state.Transport.AttemptAsync(state.Request, resilience.CancellationToken),
                resilience,
                (Transport: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            var (status, result) = outcome.Result;
            var elapsed = _timeProvider.GetElapsedTime(started);
            QqConnectLog.CallSucceeded(_logger, context.Operation, (int)status, (long)elapsed.TotalMilliseconds);
            _telemetry.Succeeded(activity, context.Operation, (int)status, elapsed);
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
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>One attempt: send, check the status, read the body under the cap, parse.</summary>
    private async ValueTask<Outcome<(HttpStatusCode, T)>> AttemptAsync<T>(QqRequest<T> request, CancellationToken cancellationToken)
    {
        var context = request.Context;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Uri);
            using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var answered = context.WithStatus(response.StatusCode);
            if ((int)response.StatusCode is < 200 or > 299)
            {
                return Outcome.FromException<(HttpStatusCode, T)>(
                    answered.Fail(QqConnectErrorKind.HttpStatus, $"QQ Connect answered {context.Operation} with HTTP {(int)response.StatusCode}."));
            }

            using var body = await ResponseBodyReader.ReadAsync(response.Content, _maxResponseBodySize, answered, cancellationToken).ConfigureAwait(false);
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
        var elapsed = _timeProvider.GetElapsedTime(started);
        if (failure is QqConnectApiException api)
        {
            QqConnectLog.CallRejected(_logger, api.Operation, api.ErrorCode, (int?)api.StatusCode, (long)elapsed.TotalMilliseconds);
        }
        else
        {
            QqConnectLog.CallFailed(_logger, failure.Operation, failure.Kind, (int?)failure.StatusCode, (long)elapsed.TotalMilliseconds);
        }

        _telemetry.Failed(activity, failure, elapsed);
    }
}
