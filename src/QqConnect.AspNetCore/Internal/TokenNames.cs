using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore.Internal;

/// <summary>The names under which <c>SaveTokens</c> stores QQ's tokens in the authentication properties.</summary>
internal static class TokenNames
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";

    public static List<AuthenticationToken> From(QqAccessToken token)
    {
        var tokens = new List<AuthenticationToken>
        {
            new() { Name = AccessToken, Value = token.AccessToken },
        };
        if (!string.IsNullOrEmpty(token.RefreshToken))
        {
            tokens.Add(new AuthenticationToken { Name = RefreshToken, Value = token.RefreshToken });
        }

        tokens.Add(new AuthenticationToken { Name = ExpiresAt, Value = token.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) });
        return tokens;
    }
}
