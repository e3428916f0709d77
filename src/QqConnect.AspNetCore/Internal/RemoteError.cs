using QqConnect.AspNetCore.Resources;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The short text put in the <c>remoteError</c> parameter when a login is refused or fails: made here from a fixed
/// set of sentences and QQ's number, never from the callback's text, so it carries no secret and stays short.
/// </summary>
internal static class RemoteError
{
    public static string Describe(Exception failure, bool refused)
    {
        var code = QqErrorCode(failure);
        return (refused, code) switch
        {
            (true, { } number) => Messages.Format(Strings.RemoteErrorCancelledCode, number),
            (true, null) => Strings.RemoteErrorCancelled,
            (false, { } number) => Messages.Format(Strings.RemoteErrorFailedCode, number),
            (false, null) => Strings.RemoteErrorFailed,
        };
    }

    private static int? QqErrorCode(Exception? failure)
    {
        // The QQ error, when there is one, is the inner exception of the handler's failure (at most a few levels).
        for (var depth = 0; failure is not null && depth < 4; depth++, failure = failure.InnerException)
        {
            if (failure is QqConnectApiException api)
            {
                return api.ErrorCode;
            }
        }

        return null;
    }
}
