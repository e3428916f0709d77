using System.Text;
using QqConnect.Client.Internal;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Transport;

/// <summary>
/// What each QQ Connect call is, in one place: its URI (a pure function of the app's settings and the
/// call's arguments), the secrets it carries, the parser for its answer, and whether it is single-use.
/// The constant part of each URI (address, app id, app key, format) is escaped once, at construction.
/// </summary>
internal sealed class QqEndpoints
{
    private readonly string _appKey;
    private readonly string _authorizePrefix;
    private readonly string _escapedRedirectUri;
    private readonly string? _escapedDefaultScopes;
    private readonly string _exchangePrefix;
    private readonly string _refreshPrefix;
    private readonly string _formatSuffix;
    private readonly string _exchangeSuffix;
    private readonly string _mePrefix;
    private readonly string _meSuffix;
    private readonly string _userInfoPrefix;
    private readonly string _userInfoMiddle;
    private readonly BodyParser<QqOpenId> _parseMe;

    public QqEndpoints(QqConnectOptions options, TokenAppCheck tokenAppCheck)
    {
        _parseMe = tokenAppCheck.Parse;
        _appKey = options.AppKey;
        var root = options.BaseAddress.AbsoluteUri;
        if (root.Length == 0 || root[root.Length - 1] != '/')
        {
            root += "/";
        }

        var appId = Escape(options.AppId);
        var appKey = Escape(options.AppKey);
        _authorizePrefix = $"{root}{QqWire.AuthorizePath}?response_type=code&client_id={appId}&redirect_uri=";
        _escapedRedirectUri = Escape(options.RedirectUri);
        _escapedDefaultScopes = JoinScopes(options.Scopes);
        _exchangePrefix = $"{root}{QqWire.TokenPath}?grant_type=authorization_code&client_id={appId}&client_secret={appKey}&code=";
        _refreshPrefix = $"{root}{QqWire.TokenPath}?grant_type=refresh_token&client_id={appId}&client_secret={appKey}&refresh_token=";
        _formatSuffix = options.UseJsonFormat ? "&fmt=json" : string.Empty;

        // need_openid=1: the token answer carries the openid too, so a login needs no /me call unless it wants the
        // UnionID. Only the code exchange asks for it: whoever refreshes a token knows its user already.
        _exchangeSuffix = _formatSuffix + "&need_openid=1";
        _mePrefix = $"{root}{QqWire.MePath}?access_token=";
        _meSuffix = (options.RequestUnionId ? "&unionid=1" : string.Empty) + _formatSuffix;
        _userInfoPrefix = $"{root}{QqWire.UserInfoPath}?access_token=";
        _userInfoMiddle = $"&oauth_consumer_key={appId}&openid=";
    }

    public Uri Authorize(QqAuthorizeRequest request)
    {
        // One concatenation into a string of the exact length (no StringBuilder buffer to grow and copy).
        var scopes = request.Scopes is null ? _escapedDefaultScopes : JoinScopes(request.Scopes);
        return new Uri(string.Concat(
        [
            _authorizePrefix,
            request.RedirectUri is null ? _escapedRedirectUri : Escape(request.RedirectUri),
            "&state=",
            Escape(request.State),
            scopes is null ? null : "&scope=",
            scopes,
            request.Display == QqDisplay.Mobile ? "&display=mobile" : null,
        ]), UriKind.Absolute);
    }

    /// <summary>
    /// <c>GET /oauth2.0/token</c> with <c>grant_type=authorization_code</c> and <c>need_openid=1</c>: a token answer,
    /// with the token's openid when QQ sends it. Single-use: QQ consumes the code, so a request it may have seen is
    /// never sent again.
    /// </summary>
    public QqRequest<QqAccessToken> ExchangeCode(string code, string? redirectUri) => new(
        Create(string.Concat(_exchangePrefix, Escape(code), "&redirect_uri=", redirectUri is null ? _escapedRedirectUri : Escape(redirectUri), _exchangeSuffix)),
        Context(QqConnectOperation.ExchangeCode, code),
        ResponseParser.Parse<AccessTokenBuilder, QqAccessToken>,
        singleUse: true);

    /// <summary>
    /// <c>GET /oauth2.0/token</c> with <c>grant_type=refresh_token</c>: a token answer. Single-use: QQ
    /// rotates the refresh token, so a request it may have seen is never sent again.
    /// </summary>
    public QqRequest<QqAccessToken> Refresh(string refreshToken) => new(
        Create(string.Concat(_refreshPrefix, Escape(refreshToken), _formatSuffix)),
        Context(QqConnectOperation.Refresh, refreshToken),
        ResponseParser.Parse<AccessTokenBuilder, QqAccessToken>,
        singleUse: true);

    /// <summary><c>GET /oauth2.0/me</c>: the OpenID (and app id, union id) of a token. Reads only: retried.</summary>
    public QqRequest<QqOpenId> Me(string accessToken) => new(
        Create(string.Concat(_mePrefix, Escape(accessToken), _meSuffix)),
        Context(QqConnectOperation.GetOpenId, accessToken),
        _parseMe,
        singleUse: false);

    /// <summary><c>GET /user/get_user_info</c>: the user's profile. Reads only: retried.</summary>
    public QqRequest<QqUserInfo> UserInfo(string accessToken, string openId) => new(
        Create(string.Concat(_userInfoPrefix, Escape(accessToken), _userInfoMiddle, Escape(openId))),
        Context(QqConnectOperation.GetUserInfo, accessToken),
        ResponseParser.Parse<UserInfoBuilder, QqUserInfo>,
        singleUse: false);

#if NET6_0_OR_GREATER
    // Every part of a call's URI is escaped here (EscapeDataString) or comes from BaseAddress.AbsoluteUri, so the
    // string is canonical already: Uri's own check and canonicalisation of the path and query would only repeat
    // that work, which is most of the cost of building a call's URI. The scheme and
    // host are still parsed and checked. The authorize URI, which the SDK hands to callers, keeps the full parse.
    private static readonly UriCreationOptions AsEscaped = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private static Uri Create(string uri) => new(uri, in AsEscaped);
#else
    private static Uri Create(string uri) => new(uri, UriKind.Absolute);
#endif

    private CallContext Context(QqConnectOperation operation, string secret) => new(operation, _appKey, secret);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string? JoinScopes(IEnumerable<string>? scopes)
    {
        if (scopes is null)
        {
            return null;
        }

        var joined = string.Join(",", scopes.Where(scope => !string.IsNullOrWhiteSpace(scope)).Select(scope => scope.Trim()));
        return joined.Length == 0 ? null : Escape(joined);
    }
}
