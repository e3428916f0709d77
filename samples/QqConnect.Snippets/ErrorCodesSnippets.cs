using System.Globalization;
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

    // docs/error-codes.md, languages: a log in one language whatever the request's.
    public static async Task LogInEnglish(IQqConnectClient qq, string code, ILogger logger)
    {
        #region error-codes-language
        try
        {
            var token = await qq.ExchangeCodeAsync(code);
        }
        catch (QqConnectApiException e)
        {
            // e.Message and e.ErrorInfo follow CultureInfo.CurrentUICulture (Chinese for zh-CN);
            // the log line stays in English whatever the culture is.
            var english = QqErrorCodes.GetInfo(e.ErrorCode, CultureInfo.InvariantCulture);
            logger.LogWarning("QQ error {Code}: {Meaning}", e.ErrorCode, english?.Meaning);

            // Chinese, whatever the culture is:
            var chinese = QqErrorCodes.GetInfo(e.ErrorCode, new CultureInfo("zh-CN"));
            Console.WriteLine(chinese?.Advice);
        }
        #endregion
    }
}
