using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary>
/// <c>/oauth2.0/token</c>: code exchange and refresh. QQ documents a GET; a form POST (what generic OAuth 2.0
/// libraries send) is answered the same way, its body's parameters taking precedence over the query's.
/// </summary>
public sealed partial class QqConnectEmulator
{
    private EmulatorResponse Token(IReadOnlyDictionary<string, string> query)
    {
        var json = WantsJson(query);
        if (Get(query, "client_id") is not { } clientId)
        {
            return Answers.OAuthError(QqErrors.ClientIdMissing, json);
        }

        if (!_appsById.TryGetValue(clientId, out var app))
        {
            return Answers.OAuthError(QqErrors.AppIdUnknown, json);
        }

        var grantType = Get(query, "grant_type");
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return Answers.OAuthError(QqErrors.GrantTypeInvalid, json);
        }

        if (Get(query, "client_secret") is not { } secret)
        {
            return Answers.OAuthError(QqErrors.ClientSecretMissing, json);
        }

        if (!string.Equals(secret, app.AppKey, StringComparison.Ordinal))
        {
            return Answers.OAuthError(QqErrors.ClientSecretInvalid, json);
        }

        var answer = new TokenAnswer(json, Get(query, "need_openid") == "1");
        return grantType == "authorization_code" ? ExchangeCode(app, query, answer) : Refresh(app, query, answer);
    }

    private EmulatorResponse ExchangeCode(EmulatorApp app, IReadOnlyDictionary<string, string> query, TokenAnswer answer)
    {
        var json = answer.Json;
        if (Get(query, "code") is not { } code)
        {
            return Answers.OAuthError(QqErrors.CodeMissing, json);
        }

        if (Get(query, "redirect_uri") is not { } redirectUri || LengthLimit.Exceeds(redirectUri))
        {
            return Answers.OAuthError(QqErrors.RedirectUriIllegal, json);
        }

        lock (_gate)
        {
            if (!_codes.TryGet(code, TimeProvider.GetUtcNow(), out var issued))
            {
                return Answers.OAuthError(QqErrors.CodeToTokenFailed, json);
            }

            if (issued.Used)
            {
                _codeReplays++;
                return Answers.OAuthError(QqErrors.CodeReused, json);
            }

            if (TimeProvider.GetUtcNow() >= issued.ExpiresAt || !ReferenceEquals(issued.App, app))
            {
                return Answers.OAuthError(QqErrors.CodeToTokenFailed, json);
            }

            if (!string.Equals(issued.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return Answers.OAuthError(QqErrors.RedirectUriIllegal, json);
            }

            issued.Used = true;
            Interlocked.Increment(ref _codesRedeemed);
            return IssueTokens(app, issued.User, TimeProvider.GetUtcNow() + _refreshTokenLifetime, answer);
        }
    }

    private EmulatorResponse Refresh(EmulatorApp app, IReadOnlyDictionary<string, string> query, TokenAnswer answer)
    {
        var json = answer.Json;
        if (Get(query, "refresh_token") is not { } refreshToken)
        {
            return Answers.OAuthError(QqErrors.RefreshTokenMissing, json);
        }

        lock (_gate)
        {
            if (!_refreshTokens.TryGet(refreshToken, TimeProvider.GetUtcNow(), out var issued))
            {
                return Answers.OAuthError(QqErrors.RefreshFailed, json);
            }

            if (issued.Used)
            {
                _refreshTokenReplays++;
                return Answers.OAuthError(QqErrors.RefreshFailed, json);
            }

            if (!ReferenceEquals(issued.App, app) || TimeProvider.GetUtcNow() >= issued.LoginExpiresAt)
            {
                return Answers.OAuthError(QqErrors.RefreshFailed, json);
            }

            issued.Used = true;
            return IssueTokens(app, issued.User, issued.LoginExpiresAt, answer);
        }
    }

    /// <summary>
    /// Issues an access token (and a refresh token) and renders the success body; with <c>need_openid=1</c> the body
    /// also carries the user's openid for this app (never a unionid or client_id). Caller holds the lock.
    /// </summary>
    private EmulatorResponse IssueTokens(EmulatorApp app, EmulatorUser user, DateTimeOffset loginExpiresAt, TokenAnswer answer)
    {
        var now = TimeProvider.GetUtcNow();
        var accessToken = Ids.NewToken();
        _accessTokens.Add(accessToken, new IssuedAccessToken(app, user, now + _accessTokenLifetime, loginExpiresAt), now);
        string? refreshToken = null;
        if (!_omitRefreshToken)
        {
            refreshToken = Ids.NewToken();
            _refreshTokens.Add(refreshToken, new IssuedRefreshToken(app, user, loginExpiresAt), now);
        }

        var openId = answer.NeedOpenId ? Ids.OpenId(app.AppId, user.Key) : null;
        string body;
        if (answer.Json)
        {
            body = "{\"access_token\":" + Json.Quote(accessToken) + ",\"expires_in\":" + Json.Quote(ExpiresIn)
                + (refreshToken is null ? "" : ",\"refresh_token\":" + Json.Quote(refreshToken))
                + (openId is null ? "" : ",\"openid\":" + Json.Quote(openId)) + "}";
        }
        else
        {
            body = "access_token=" + accessToken + "&expires_in=" + ExpiresIn
                + (refreshToken is null ? "" : "&refresh_token=" + refreshToken)
                + (openId is null ? "" : "&openid=" + openId);
        }

        return Answers.Text(body);
    }

    /// <summary>How a token success is written: JSON (<c>fmt=json</c>) or form pairs, with the openid or not (<c>need_openid=1</c>).</summary>
    private readonly record struct TokenAnswer(bool Json, bool NeedOpenId);
}
