using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QqConnect.Client.Diagnostics;

namespace QqConnect.Client.Transport;

/// <summary>
/// The two built-in pipelines (total timeout → retry → attempt timeout): one for reads, one for calls that
/// consume a single-use value. They differ only in which failures they retry.
/// </summary>
internal sealed class ResiliencePipelines
{
    private ResiliencePipelines(ResiliencePipeline read, ResiliencePipeline singleUse)
    {
        Read = read;
        SingleUse = singleUse;
    }

    public ResiliencePipeline Read { get; }

    public ResiliencePipeline SingleUse { get; }

    public static ResiliencePipelines Create(QqConnectResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        if (!options.Enabled)
        {
            // No retries and no attempt timeout, but a call still ends: HttpClient.Timeout does not cover reading
            // the body after ResponseHeadersRead, so a server trickling its answer would hold the call forever.
            var bounded = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
                .Build();
            return new ResiliencePipelines(bounded, bounded);
        }

        return new ResiliencePipelines(
            Build(options, timeProvider, logger, FailureClassifier.IsTransientForRead),
            Build(options, timeProvider, logger, FailureClassifier.IsSafeForSingleUse));
    }

    private static ResiliencePipeline Build(QqConnectResilienceOptions options, TimeProvider timeProvider, ILogger logger, Func<Exception?, bool> retryable)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
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
            });
        }

        return builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout }).Build();
    }

    /// <summary>Carries the operation into the pipeline for logging.</summary>
    public static readonly ResiliencePropertyKey<QqConnectOperation> OperationKey = new("QqConnect.Operation");

    private static string Describe(Exception? exception) => exception switch
    {
        QqConnectException failure when failure.StatusCode is { } status => $"{failure.Kind} {(int)status}",
        QqConnectException failure => failure.Kind.ToString(),
        TimeoutRejectedException => "AttemptTimeout",
        null => "None",
        _ => exception.GetType().Name,
    };
}
