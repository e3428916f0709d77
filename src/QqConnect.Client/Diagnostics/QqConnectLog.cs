using Microsoft.Extensions.Logging;

namespace QqConnect.Client.Diagnostics;

/// <summary>
/// The SDK's log messages, with fixed event ids. They name the call, the status, the time and QQ's
/// error code — never a URL, a query, a body, the app key, a code or a token.
/// </summary>
internal static partial class QqConnectLog
{
    [LoggerMessage(EventId = 1, EventName = "CallSucceeded", Level = LogLevel.Debug,
        Message = "QQ Connect {Operation} succeeded with HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void CallSucceeded(ILogger logger, QqConnectOperation operation, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, EventName = "CallRejected", Level = LogLevel.Warning,
        Message = "QQ Connect {Operation} was rejected with QQ error {ErrorCode} (HTTP {StatusCode}) in {ElapsedMilliseconds} ms")]
    public static partial void CallRejected(ILogger logger, QqConnectOperation operation, int errorCode, int? statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "QQ Connect {Operation} failed ({Kind}, HTTP {StatusCode}) in {ElapsedMilliseconds} ms")]
    public static partial void CallFailed(ILogger logger, QqConnectOperation operation, QqConnectErrorKind kind, int? statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4, EventName = "RetryScheduled", Level = LogLevel.Information,
        Message = "QQ Connect {Operation} attempt {Attempt} follows in {DelayMilliseconds} ms after {Failure}")]
    public static partial void RetryScheduled(ILogger logger, QqConnectOperation operation, int attempt, long delayMilliseconds, string failure);

    [LoggerMessage(EventId = 5, EventName = "TokenRejected", Level = LogLevel.Warning,
        Message = "QQ Connect token check failed: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, EventName = "OptionsWarning", Level = LogLevel.Warning,
        Message = "QQ Connect options \"{Name}\": {Warning}")]
    public static partial void OptionsWarning(ILogger logger, string name, string warning);
}
