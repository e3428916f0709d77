namespace QqConnect.Client;

/// <summary>The QQ Connect call that an error or a log entry belongs to.</summary>
public enum QqConnectOperation
{
    /// <summary>No call: an error raised outside a request (for example a callback URL check).</summary>
    None = 0,

    /// <summary><c>GET /oauth2.0/token</c> with <c>grant_type=authorization_code</c>.</summary>
    ExchangeCode = 1,

    /// <summary><c>GET /oauth2.0/token</c> with <c>grant_type=refresh_token</c>.</summary>
    Refresh = 2,

    /// <summary><c>GET /oauth2.0/me</c>.</summary>
    GetOpenId = 3,

    /// <summary><c>GET /user/get_user_info</c>.</summary>
    GetUserInfo = 4,
}
