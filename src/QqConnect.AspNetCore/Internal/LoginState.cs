using System.Security.Cryptography;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The <c>state</c> sent to QQ: 16 random bytes, base64url (22 characters), far below QQ's 500-byte limit whatever
/// the return URL and properties are. It names the cookie that carries the protected properties.
/// </summary>
internal static class LoginState
{
    public const int Length = 22;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url(bytes);
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

    // 16 bytes are 24 base64 characters, the last two '=' padding: one string of 22, no intermediate ones.
    private static string Base64Url(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[24];
        Convert.TryToBase64Chars(bytes, chars, out _);
        chars = chars[..Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '+' => '-',
                '/' => '_',
                var c => c,
            };
        }

        return new string(chars);
    }
}
