namespace QqConnect.Client.Testing.Internal;

/// <summary>The QQ error codes and texts the emulator answers with.</summary>
internal static class QqErrors
{
    public const int ResponseTypeInvalid = 100000;
    public const int ClientIdMissing = 100001;
    public const int ClientSecretMissing = 100002;
    public const int GrantTypeInvalid = 100004;
    public const int CodeMissing = 100005;
    public const int RefreshTokenMissing = 100006;
    public const int AccessTokenMissing = 100007;
    public const int AppIdUnknown = 100008;
    public const int ClientSecretInvalid = 100009;
    public const int RedirectUriIllegal = 100010;
    public const int AccessTokenExpired = 100014;
    public const int AccessTokenCheckFailed = 100016;
    public const int CodeToTokenFailed = 100019;
    public const int CodeReused = 100020;
    public const int RefreshFailed = 100021;
    public const int BadRequest = 100029;
    public const int NoUnionIdPermission = 100048;

    public static string Describe(int code) => code switch
    {
        ResponseTypeInvalid => "param response_type is wrong or lost ",
        ClientIdMissing => "param client_id is wrong or lost ",
        ClientSecretMissing => "param client_secret is wrong or lost ",
        GrantTypeInvalid => "param grant_type is wrong or lost ",
        CodeMissing => "param code is wrong or lost ",
        RefreshTokenMissing => "param refresh_token is wrong or lost ",
        AccessTokenMissing => "param access_token is wrong or lost ",
        AppIdUnknown => "client id is illegal",
        ClientSecretInvalid => "client secret is illegal",
        RedirectUriIllegal => "redirect uri is illegal",
        AccessTokenExpired => "access token is expired",
        AccessTokenCheckFailed => "access token check failed",
        CodeToTokenFailed => "code to access token error",
        CodeReused => "code is reused error",
        RefreshFailed => "refresh token is invalid",
        BadRequest => "param state is wrong or lost ",
        NoUnionIdPermission => "companyid not set",
        _ => "unknown error",
    };

    // OpenAPI (get_user_info) return codes.
    public const int RetInvalidParameter = -1;
    public const int RetOpenIdInvalid = -22;
    public const int RetNotLoggedIn = 1002;
    public const int RetTokenExpired = 100014;

    public const string MsgInvalidConsumerKey = "client request's parameters are invalid, invalid oauth_consumer_key";
    public const string MsgInvalidOpenId = "client request's parameters are invalid, invalid openid";
    public const string MsgOpenIdNotMatching = "openid is invalid";
    public const string MsgNotLoggedIn = "请先登录";
    public const string MsgTokenExpired = "access token expired";
}
