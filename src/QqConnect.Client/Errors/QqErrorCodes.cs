namespace QqConnect.Client;

/// <summary>The QQ Connect error codes the SDK knows, with their meaning and what to do.</summary>
public static class QqErrorCodes
{
    /// <summary>The code was already exchanged: codes are single-use. Send the user to log in again.</summary>
    public const int CodeReused = 100020;

    /// <summary>
    /// The redirect_uri is refused: not under a registered domain, different between the two steps, over 500 bytes
    /// (or the state is), or missing. The error new users hit most; see its <see cref="QqErrorInfo.Advice"/>.
    /// </summary>
    public const int RedirectUriInvalid = 100010;

    /// <summary>QQ's older code for a refused redirect_uri; the same causes as <see cref="RedirectUriInvalid"/>.</summary>
    public const int RedirectUriInvalidLegacy = 21006;

    /// <summary>The app has no UnionID permission (asked for with <see cref="QqConnectOptions.RequestUnionId"/>).</summary>
    public const int NoUnionIdPermission = 100048;

    private const string Relogin = "Send the user through QQ login again.";
    private const string RedirectUriAdvice =
        "Check, in this order: (1) the redirect URI's root domain is registered for the app on the QQ Connect console "
        + "(several domains may be registered, separated by ';'; any subdomain and path under them is fine); "
        + "(2) the very same string is sent in both steps, authorize and token: a trailing '/' or http/https differing "
        + "(behind a TLS-terminating proxy) is the most common cause; "
        + "(3) neither the redirect URI nor the state is over 500 bytes (the SDK refuses both before sending); "
        + "(4) a redirect_uri is sent at all (no redirect_uri gives this code too), without a fragment (#).";
    private const string CheckRequest = "This is a bug in the request; the SDK sends it, so please report it.";

    private static readonly Dictionary<int, QqErrorInfo> Known = Build(
        (100000, "response_type is missing or invalid", QqErrorAction.FixRequest, CheckRequest),
        (100001, "client_id (app id) is missing", QqErrorAction.FixConfiguration, "Set QqConnectOptions.AppId."),
        (100002, "client_secret (app key) is missing", QqErrorAction.FixConfiguration, "Set QqConnectOptions.AppKey."),
        (100003, "the Authorization header is missing", QqErrorAction.FixRequest, CheckRequest),
        (100004, "grant_type is missing or invalid", QqErrorAction.FixRequest, CheckRequest),
        (100005, "the code is missing", QqErrorAction.FixRequest, "Pass the code from the callback URL."),
        (100006, "the refresh token is missing", QqErrorAction.FixRequest, "Pass the refresh token from the last token answer."),
        (100007, "the access token is missing", QqErrorAction.FixRequest, "Pass the access token."),
        (100008, "the app id does not exist", QqErrorAction.FixConfiguration, "Check QqConnectOptions.AppId against the QQ Connect console."),
        (100009, "the app key (client_secret) is invalid", QqErrorAction.FixConfiguration, "Check QqConnectOptions.AppKey against the QQ Connect console."),
        (100010, "redirect_uri is invalid (or the request is too long)", QqErrorAction.FixConfiguration, RedirectUriAdvice),
        (100011, "the app is not online (not approved yet)", QqErrorAction.FixConfiguration, "Wait for QQ to approve the app, or log in with a developer/test account."),
        (100012, "the request is not a POST", QqErrorAction.FixRequest, CheckRequest),
        (100013, "the access token is invalid (revoked, or expired and reclaimed)", QqErrorAction.Relogin, Relogin),
        (100014, "the access token has expired", QqErrorAction.Relogin, "Refresh the token, or send the user through QQ login again."),
        (100015, "the access token was revoked", QqErrorAction.Relogin, Relogin),
        (100016, "the access token failed verification", QqErrorAction.Relogin, Relogin),
        (100017, "QQ failed to get the app id", QqErrorAction.RetryLater, "Try again later."),
        (100018, "QQ failed to get the code", QqErrorAction.Relogin, Relogin),
        (100019, "exchanging the code for a token failed", QqErrorAction.Relogin, "The code is wrong or expired (10 minutes). Send the user through QQ login again; never retry the same code."),
        (100020, "the code was already used", QqErrorAction.Relogin, "Codes are single-use: send the user through QQ login again and never retry a code exchange."),
        (100021, "QQ failed to get the access token (also the answer to a used refresh token)", QqErrorAction.Relogin, "Refresh tokens are single-use: keep the new one from each refresh. Send the user through QQ login again."),
        (100022, "QQ failed to get the refresh token", QqErrorAction.Relogin, Relogin),
        (100023, "QQ failed to get the app's permission list", QqErrorAction.RetryLater, "Try again later."),
        (100024, "QQ failed to get this OpenID's permissions for the app", QqErrorAction.RetryLater, "Try again later."),
        (100025, "QQ failed to get API or group information", QqErrorAction.RetryLater, "Try again later."),
        (100026, "QQ failed to set the user's API grants for the app", QqErrorAction.RetryLater, "Try again later."),
        (100027, "QQ failed to set the user's grant time for the app", QqErrorAction.RetryLater, "Try again later."),
        (100028, "the 'which' parameter is missing", QqErrorAction.FixRequest, CheckRequest),
        (100029, "bad HTTP request", QqErrorAction.FixRequest, CheckRequest),
        (100030, "the user has not authorized this API, or removed the grant", QqErrorAction.Relogin, "Run authorization again with the needed scope."),
        (100031, "the app has no permission for this API", QqErrorAction.ApplyForPermission, "Apply for the API on the QQ Connect console."),
        (100048, "the app has no UnionID permission", QqErrorAction.ApplyForPermission, "Apply for UnionID on the QQ Connect console, or set QqConnectOptions.RequestUnionId to false."),
        (100070, "the QQ account has a security exception", QqErrorAction.Relogin, "Ask the user to check their QQ account, then log in again."),
        (-1, "a request parameter is invalid (for example the openid)", QqErrorAction.FixRequest, "Check that the openid belongs to this access token."),
        (-22, "the openid is invalid", QqErrorAction.FixRequest, "Check that the openid belongs to this access token."),
        (-23, "the access token is invalid", QqErrorAction.Relogin, Relogin),
        (1002, "the user is not logged in (the access token is invalid)", QqErrorAction.Relogin, "Refresh the token, or send the user through QQ login again."),
        (21006, "redirect_uri is invalid (QQ's older code, same causes as 100010)", QqErrorAction.FixConfiguration, RedirectUriAdvice));

    /// <summary>Every known code, in ascending order.</summary>
    public static IReadOnlyCollection<QqErrorInfo> All { get; } = Known.Values.OrderBy(info => info.Code).ToArray();

    /// <summary>Finds what a code means.</summary>
    /// <param name="code">A QQ error code.</param>
    /// <returns>The description, or <see langword="null"/> for a code the SDK does not know.</returns>
    public static QqErrorInfo? Find(int code) => Known.TryGetValue(code, out var info) ? info : null;

    private static Dictionary<int, QqErrorInfo> Build(params (int Code, string Meaning, QqErrorAction Action, string Advice)[] rows)
    {
        var table = new Dictionary<int, QqErrorInfo>(rows.Length);
        foreach (var (code, meaning, action, advice) in rows)
        {
            table.Add(code, new QqErrorInfo(code, meaning, action, advice));
        }

        return table;
    }
}
