using QqConnect.Client;

namespace QqConnect.Sample.Web;

/// <summary>Shows QQ Connect failures as a friendly page with QQ's error code and advice.</summary>
/// <remarks>The SDK's exception messages never contain the app key, codes or tokens, so they may be logged.</remarks>
internal sealed partial class QqErrorPageMiddleware(RequestDelegate next, ILogger<QqErrorPageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (QqConnectException exception) when (!context.Response.HasStarted)
        {
            LogFailure(logger, exception.Kind, exception.Operation, exception.Message);
            context.Response.Clear();
            await Pages.QqError(exception).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "QQ login failed ({Kind}, {Operation}): {Reason}")]
    private static partial void LogFailure(ILogger logger, QqConnectErrorKind kind, QqConnectOperation operation, string reason);
}
