using System.Security.Cryptography;

namespace QqConnect.AspNetCore.Handler;

/// <summary>
/// The <c>state</c> sent to QQ: 16 random bytes, base64url (22 characters), far below QQ's 500-byte limit whatever
/// the return URL and properties are. It names the cookie that carries the protected properties.
/// </summary>
internal static class LoginState
{
    public const int Length = 22;

    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="state"/> has the shape of a state this handler issues (so it may name a cookie).</summary>
    public static bool IsWellFormed(string? state)
    {
        if (state is null || state.Length != Length)
        {
            return false;
        }

        foreach (var c in state)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
