using System.Security.Cryptography;
using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Random and derived identifiers, 32 upper-case hex chars as QQ uses.</summary>
internal static class Ids
{
    /// <summary>A random code or token.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The user's OpenID for an app: stable, unique per (user, app).</summary>
    public static string OpenId(string appId, string userKey) => Derive("openid", appId, userKey);

    /// <summary>The user's UnionID for a developer account: stable, shared by that developer's apps.</summary>
    public static string UnionId(string developerId, string userKey) => "UID_" + Derive("unionid", developerId, userKey);

    /// <summary>Whether a value looks like an OpenID (32 hex chars).</summary>
    public static bool LooksLikeOpenId(string value) =>
        value.Length == 32 && value.All(char.IsAsciiHexDigit);

    private static string Derive(string purpose, string scope, string userKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + scope + "\n" + userKey));
        return Convert.ToHexString(hash, 0, 16);
    }
}
