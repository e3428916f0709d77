namespace QqConnect.Client.Benchmarks.Canned;

/// <summary>
/// The three answers of a login, fixed (the unit-test fixtures, JSON as <c>fmt=json</c> gets them): a server that
/// does no work of its own, so that what a benchmark measures is the client, not the emulator.
/// </summary>
internal static class CannedAnswers
{
    /// <summary>The app id the canned <c>/me</c> answer names (the SDK and the floor both check it).</summary>
    public const string AppId = "101000001";

    public const string AppKey = "canned-app-key";

    public const string RedirectUri = "http://127.0.0.1:5000/signin-qq";

    /// <summary>Any code: the canned server does not check it.</summary>
    public const string Code = "CANNED0123456789ABCDEF";

    public static readonly byte[] Token = Fixtures.TokenJson;

    public static readonly byte[] Me = Fixtures.MeJson;

    /// <summary>The token answer with the openid of <see cref="Me"/>, as QQ answers <c>need_openid=1</c>.</summary>
    public static readonly byte[] TokenWithOpenId = System.Text.Encoding.UTF8.GetBytes(
        System.Text.Encoding.UTF8.GetString(Token).TrimEnd().TrimEnd('}')
        + ",\"openid\":\"" + Baselines.Floor.ReadOpenId(Me).OpenId + "\"}");

    public static readonly byte[] UserInfo = Fixtures.UserInfoFull;

    /// <summary>The body for a request path; null for a path QQ does not have.</summary>
    public static byte[]? For(string? path) => path switch
    {
        "/oauth2.0/token" => Token,
        "/oauth2.0/me" => Me,
        "/user/get_user_info" => UserInfo,
        _ => null,
    };

    public static QqConnectOptions Options(Uri baseAddress) => new()
    {
        AppId = AppId,
        AppKey = AppKey,
        RedirectUri = RedirectUri,
        BaseAddress = baseAddress,
    };

    public static RawLogin Raw(HttpClient http, Uri baseAddress) => new(http, baseAddress, AppId, AppKey, RedirectUri);
}
