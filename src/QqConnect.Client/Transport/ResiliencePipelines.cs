using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;

namespace QqConnect.Client.Transport;

/// <summary>
/// The built-in resilience (total timeout → retry → attempt timeout), split so that a call that succeeds at once
/// pays for one timer and nothing else: <see cref="QqTransport"/> runs the first attempt itself under
/// <see cref="FirstAttemptTimeout"/>, and only a failed first attempt enters a retry pipeline, which replays
/// that failure as its own first outcome (so its delays, attempt numbers and logs are those of one pipeline
/// run from the start) and keeps the rest of the total timeout. One pipeline for reads, one for calls that
/// consume a single-use value; they differ only in which failures they retry.
/// </summary>
internal sealed class ResiliencePipelines
{
    private ResiliencePipelines(TimeSpan totalTimeout, TimeSpan firstAttemptTimeout, bool firstTimeoutIsAttempt, ResiliencePipeline? read, ResiliencePipeline? singleUse)
    {
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

    public static ResiliencePipelines Create(QqConnectResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        if (!options.Enabled)
        {
            // No retries and no attempt timeout, but a call still ends: HttpClient.Timeout does not cover reading
            // the body after ResponseHeadersRead, so a server trickling its answer would hold the call forever.
            return new ResiliencePipelines(options.TotalTimeout, options.TotalTimeout, firstTimeoutIsAttempt: false, null, null);
        }

        var attemptIsShorter = options.AttemptTimeout < options.TotalTimeout;
        var first = attemptIsShorter ? options.AttemptTimeout : options.TotalTimeout;
        if (options.MaxRetryAttempts == 0)
        {
            return new ResiliencePipelines(options.TotalTimeout, first, attemptIsShorter, null, null);
        }

        return new ResiliencePipelines(
            options.TotalTimeout,
            first,
            attemptIsShorter,
            BuildRetries(options, timeProvider, logger, FailureClassifier.IsTransientForRead),
            BuildRetries(options, timeProvider, logger, FailureClassifier.IsSafeForSingleUse));
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
}
