using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of docs/error-codes.md, compiled (each region is one ```csharp block).</summary>
internal static class ErrorCodesSnippets
{
    // docs/error-codes.md, catching QQ's refusal.
    public static async Task Catch(IQqConnectClient qq, string code, ILogger logger)
    {
        #region error-codes-catch
        try
        {
            var token = await qq.ExchangeCodeAsync(code);
        }
        catch (QqConnectApiException e)
        {
            // e.ErrorCode: QQ's number, e.g. 100020
            // e.ErrorDescription: QQ's own text (secrets masked)
            // e.ErrorInfo: the SDK's meaning, Action and Advice below (null for a code the SDK does not know)
            // e.Operation: which call failed; e.StatusCode: the HTTP status
            logger.LogWarning("QQ login failed: {Code} {Action}", e.ErrorCode, e.ErrorInfo?.Action);
        }
        #endregion
    }
}
