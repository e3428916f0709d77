using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;

namespace QqConnect.Client.Transport;

/// <summary>
/// The built-in resilience (total timeout → retry → attempt timeout) of one app, and how a call runs under it
/// (<see cref="RunAsync"/>): the first attempt outside Polly, under one timer (<see cref="FirstAttemptTimeout"/>), so
/// a call that succeeds at once pays for that timer and nothing else; only a failed first attempt enters a retry
/// pipeline, which replays that failure as its own first outcome (so its delays, attempt numbers and logs are those
/// of one pipeline run from the start) and keeps the rest of the total timeout. One pipeline for reads, one for
/// calls that consume a single-use value; they differ only in which failures they retry.
/// </summary>
internal sealed class CallResilience
{
    private readonly TimeProvider _timeProvider;

    private CallResilience(TimeProvider timeProvider, TimeSpan totalTimeout, TimeSpan firstAttemptTimeout, bool firstTimeoutIsAttempt, ResiliencePipeline? read, ResiliencePipeline? singleUse)
    {
        _timeProvider = timeProvider;
        TotalTimeout = totalTimeout;
        FirstAttemptTimeout = firstAttemptTimeout;
        FirstTimeoutIsAttempt = firstTimeoutIsAttempt;
        ReadRetries = read;
        SingleUseRetries = singleUse;
    }

    /// <summary>The whole call's budget, retries, delays and reading the body included (resilience on or off).</summary>
    public TimeSpan TotalTimeout { get; }

    /// <summary>
    /// The one timer of the first attempt: the attempt timeout when it is shorter than the total timeout (and
    /// resilience is on), else the total timeout.
    /// </summary>
    public TimeSpan FirstAttemptTimeout { get; }

    /// <summary>
    /// Whether <see cref="FirstAttemptTimeout"/> firing is an attempt timeout (a failure the retry pipeline judges)
    /// rather than the end of the call's total budget (final).
    /// </summary>
    public bool FirstTimeoutIsAttempt { get; }

    /// <summary>Retries after a failed first attempt of a read; <see langword="null"/> when nothing is ever retried.</summary>
    public ResiliencePipeline? ReadRetries { get; }

    /// <summary>Retries after a failed first attempt of a single-use call; <see langword="null"/> when nothing is ever retried.</summary>
    public ResiliencePipeline? SingleUseRetries { get; }

    /// <summary>Carries the operation into the pipeline for logging.</summary>
    public static readonly ResiliencePropertyKey<QqConnectOperation> OperationKey = new("QqConnect.Operation");

    /// <summary>Carries what is left of the total timeout into the retry pipeline.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> RemainingKey = new("QqConnect.Remaining");

    public static CallResilience Create(QqConnectResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        if (!options.Enabled)
        {
            // No retries and no attempt timeout, but a call still ends: HttpClient.Timeout does not cover reading
            // the body after ResponseHeadersRead, so a server trickling its answer would hold the call forever.
            return new CallResilience(timeProvider, options.TotalTimeout, options.TotalTimeout, firstTimeoutIsAttempt: false, null, null);
        }

        var attemptIsShorter = options.AttemptTimeout < options.TotalTimeout;
        var first = attemptIsShorter ? options.AttemptTimeout : options.TotalTimeout;
        if (options.MaxRetryAttempts == 0)
        {
            return new CallResilience(timeProvider, options.TotalTimeout, first, attemptIsShorter, null, null);
        }

        return new CallResilience(
            timeProvider,
            options.TotalTimeout,
            first,
            attemptIsShorter,
            BuildRetries(options, timeProvider, logger, FailureClassifier.IsTransientForRead),
            BuildRetries(options, timeProvider, logger, FailureClassifier.IsSafeForSingleUse));
    }

    /// <summary>
    /// Runs a call's attempts: the first under <see cref="FirstAttemptTimeout"/>, linked to the caller's token (its
    /// firing becomes a <see cref="TimeoutRejectedException"/>, as the timeout strategy of a pipeline would make it;
    /// every other failure is kept as it came), then, after a failure, the retry pipeline the call's idempotency allows.
    /// </summary>
    /// <param name="attempt">One attempt: never throws for a failure it knows (it returns it), may throw on cancellation.</param>
    /// <param name="state">What the attempt needs (the transport and the request), passed without a closure.</param>
    /// <param name="operation">The call, for the retry log.</param>
    /// <param name="singleUse">The call consumes a code or refresh token: only failures that prove QQ never saw it are retried.</param>
    /// <param name="started">When the call started (<see cref="TimeProvider.GetTimestamp"/>), for what is left of the total timeout.</param>
    /// <param name="cancellationToken">The caller's token.</param>
#if NET6_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<Outcome<TResult>> RunAsync<TState, TResult>(
        Func<TState, CancellationToken, ValueTask<Outcome<TResult>>> attempt,
        TState state,
        QqConnectOperation operation,
        bool singleUse,
        long started,
        CancellationToken cancellationToken)
    {
        Outcome<TResult> outcome;
        var source = TimeoutSource.Rent(_timeProvider, FirstAttemptTimeout);
        var link = TimeoutSource.Link(source, cancellationToken);
        try
        {
            outcome = await attempt(state, source.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (source.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome.FromException<TResult>(new TimeoutRejectedException($"The attempt did not complete within {FirstAttemptTimeout}.", FirstAttemptTimeout, ex));
        }
        catch (Exception ex)
        {
            outcome = Outcome.FromException<TResult>(ex);
        }
        finally
        {
            link.Dispose();
            TimeoutSource.Return(_timeProvider, source);
        }

        if (outcome.Exception is null)
        {
            return outcome;
        }

        return await RetryAsync(attempt, state, outcome, operation, singleUse, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a failed first attempt: the retry pipeline of the call's idempotency decides, from that failure, whether
    /// and when to try again, within what is left of the total timeout. No retry pipeline (resilience off, no
    /// retries), a spent total timeout or a cancelled call end with the first failure.
    /// </summary>
    private async ValueTask<Outcome<TResult>> RetryAsync<TState, TResult>(
        Func<TState, CancellationToken, ValueTask<Outcome<TResult>>> attempt,
        TState state,
        Outcome<TResult> first,
        QqConnectOperation operation,
        bool singleUse,
        long started,
        CancellationToken cancellationToken)
    {
        var pipeline = singleUse ? SingleUseRetries : ReadRetries;
        if (pipeline is null || cancellationToken.IsCancellationRequested)
        {
            return first;
        }

        var remaining = TotalTimeout - _timeProvider.GetElapsedTime(started);
        if (first.Exception is TimeoutRejectedException && !FirstTimeoutIsAttempt)
        {
            // The first attempt's timer was the total timeout: the call is over.
            return first;
        }

        if (remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<TResult>(new TimeoutRejectedException($"The call did not complete within {TotalTimeout}.", TotalTimeout));
        }

        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(OperationKey, operation);
        resilience.Properties.Set(RemainingKey, remaining);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                static (resilience, retry) => retry.NextAsync(resilience.CancellationToken),
                resilience,
                new Retry<TState, TResult>(attempt, state, first)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    private static ResiliencePipeline BuildRetries(QqConnectResilienceOptions options, TimeProvider timeProvider, ILogger logger, Func<Exception?, bool> retryable) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions
            {
                // What the first attempt left of the total timeout (always positive here: QqTransport ends the
                // call itself when nothing is left).
                TimeoutGenerator = arguments => new ValueTask<TimeSpan>(arguments.Context.Properties.GetValue(RemainingKey, options.TotalTimeout)),
            })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = arguments => new ValueTask<bool>(retryable(arguments.Outcome.Exception)),
                OnRetry = arguments =>
                {
                    var operation = arguments.Context.Properties.GetValue(OperationKey, QqConnectOperation.None);
                    QqConnectLog.RetryScheduled(logger, operation, arguments.AttemptNumber + 1, (long)arguments.RetryDelay.TotalMilliseconds, Describe(arguments.Outcome.Exception));
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();

    private static string Describe(Exception? exception) => exception switch
    {
        QqConnectException failure when failure.StatusCode is { } status => $"{failure.Kind} {(int)status}",
        QqConnectException failure => failure.Kind.ToString(),
        TimeoutRejectedException => "AttemptTimeout",
        null => "None",
        _ => exception.GetType().Name,
    };

    /// <summary>The retry pipeline's callback: the first attempt's failure once, as the pipeline's own first outcome, then new attempts.</summary>
    private sealed class Retry<TState, TResult>
    {
        private readonly Func<TState, CancellationToken, ValueTask<Outcome<TResult>>> _attempt;
        private readonly TState _state;
        private Outcome<TResult>? _first;

        public Retry(Func<TState, CancellationToken, ValueTask<Outcome<TResult>>> attempt, TState state, Outcome<TResult> first)
        {
            _attempt = attempt;
            _state = state;
            _first = first;
        }

        public ValueTask<Outcome<TResult>> NextAsync(CancellationToken cancellationToken)
        {
            if (_first is { } first)
            {
                _first = null;
                return new ValueTask<Outcome<TResult>>(first);
            }

            return _attempt(_state, cancellationToken);
        }
    }
}
