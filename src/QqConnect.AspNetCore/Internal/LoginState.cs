using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The <c>state</c> sent to QQ: 16 random bytes, base64url (22 characters), far below QQ's 500-byte limit whatever
/// the return URL and properties are. It names the cookie that carries the protected properties. The encoding is
/// ASP.NET Core's own (<see cref="WebEncoders"/>, unpadded base64url).
/// </summary>
internal static class LoginState
{
    public const int Length = 22;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return WebEncoders.Base64UrlEncode(bytes);
    }

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
}
