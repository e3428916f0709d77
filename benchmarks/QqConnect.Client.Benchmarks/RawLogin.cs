using QqConnect.Client.Benchmarks.Baselines;

namespace QqConnect.Client.Benchmarks;

/// <summary>
/// The floor: the same three GETs as the SDK's three-call login (<c>fmt=json</c>, the same query parameters, so
/// <c>need_openid=1</c> too, whose openid the floor does not use: it asks <c>/me</c>, as logins before that did) on a bare
/// <see cref="HttpClient"/>, URIs concatenated from constant prefixes, bodies read with
/// <see cref="HttpClient.GetByteArrayAsync(string, CancellationToken)"/>, parsed by <see cref="Floor"/>.
/// No timeouts beyond HttpClient's, no retries, no telemetry, no logging, no shape sniffing.
/// </summary>
public sealed class RawLogin
{
    private readonly HttpClient _http;
    private readonly string _appId;
    private readonly string _tokenPrefix;
    private readonly string _tokenSuffix;
    private readonly string _mePrefix;
    private readonly string _userPrefix;
    private readonly string _userMiddle;

    public RawLogin(HttpClient http, Uri baseAddress, string appId, string appKey, string redirectUri)
    {
        _http = http;
        _appId = appId;
        var root = baseAddress.AbsoluteUri;
        _tokenPrefix = $"{root}oauth2.0/token?grant_type=authorization_code&client_id={appId}&client_secret={Uri.EscapeDataString(appKey)}&code=";
        _tokenSuffix = $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&fmt=json&need_openid=1";
        _mePrefix = $"{root}oauth2.0/me?fmt=json&access_token=";
        _userPrefix = $"{root}user/get_user_info?oauth_consumer_key={appId}&access_token=";
        _userMiddle = "&openid=";
    }

    /// <summary>The token request's URI for <paramref name="code"/>, as the floor sends it (a string HttpClient parses).</summary>
    public string TokenUri(string code) => _tokenPrefix + Uri.EscapeDataString(code) + _tokenSuffix;

    public async Task<UserValues> LoginAsync(string code, CancellationToken cancellationToken = default)
    {
        var token = Floor.ReadToken(await _http.GetByteArrayAsync(TokenUri(code), cancellationToken));
        var me = Floor.ReadOpenId(await _http.GetByteArrayAsync(_mePrefix + Uri.EscapeDataString(token.AccessToken), cancellationToken));
        if (me.ClientId != _appId)
        {
            throw new InvalidOperationException("token of another app");
        }

        return Floor.ReadUser(await _http.GetByteArrayAsync(
            string.Concat(_userPrefix, Uri.EscapeDataString(token.AccessToken), _userMiddle, Uri.EscapeDataString(me.OpenId)), cancellationToken));
    }
}
