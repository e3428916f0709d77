using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary><c>GET /oauth2.0/me</c>: which app and OpenID (and UnionID) a token belongs to.</summary>
public sealed partial class QqConnectEmulator
{
    private EmulatorResponse Me(IReadOnlyDictionary<string, string> query)
    {
        var json = WantsJson(query);
        var error = CheckAccessToken(query, out var token);
        if (error != 0)
        {
            return Answers.OAuthError(error, json);
        }

        var body = "{\"client_id\":" + Json.Quote(token!.App.AppId) + ",\"openid\":" + Json.Quote(Ids.OpenId(token.App.AppId, token.User.Key));
        if (Get(query, "unionid") == "1")
        {
            if (!token.App.UnionIdGranted)
            {
                return Answers.OAuthError(QqErrors.NoUnionIdPermission, json);
            }

            body += ",\"unionid\":" + Json.Quote(Ids.UnionId(token.App.DeveloperId, token.User.Key));
        }

        body += "}";
        return Answers.Text(json ? body : Json.Jsonp(body));
    }

    /// <summary>Looks up <c>access_token</c>: 0 when valid, else 100007 (missing), 100016 (unknown) or 100014 (expired).</summary>
    private int CheckAccessToken(IReadOnlyDictionary<string, string> query, out IssuedAccessToken? token)
    {
        token = null;
        if (Get(query, "access_token") is not { } accessToken)
        {
            return QqErrors.AccessTokenMissing;
        }

        lock (_gate)
        {
            if (!_accessTokens.TryGet(accessToken, TimeProvider.GetUtcNow(), out token))
            {
                return QqErrors.AccessTokenCheckFailed;
            }
        }

        return TimeProvider.GetUtcNow() >= token.ExpiresAt ? QqErrors.AccessTokenExpired : 0;
    }
}
