using System.Text;

namespace QqConnect.AspNetCore.Handler;

/// <summary>
/// Decides whether a return URL stays on this site, and writes it in the form a <c>Location</c> header can carry.
/// </summary>
/// <remarks>
/// Local means a path of this site: it starts with one <c>/</c> that is not followed by another <c>/</c> or a
/// <c>\</c>, has no <c>\</c> and no control character (browsers drop tabs and line breaks, so <c>/\t/evil</c> is
/// <c>//evil</c> to them), and still starts that way once percent-decoded (repeatedly: <c>/%2F%2Fevil</c> and
/// <c>/%252F%252Fevil</c> are refused too, as is an encoded control character). Anything with a scheme or a host,
/// even this site's own, is not local.
/// </remarks>
internal static class LocalReturnUrl
{
    /// <summary>The longest return URL kept with a login, counted after encoding.</summary>
    public const int MaxLength = 1024;

    // Each decoding pass shortens the text; a few passes undo any encoding a proxy or a framework might undo.
    private const int MaxDecodingPasses = 4;

    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// The URL percent-encoded where a header needs it (characters outside ASCII as UTF-8 <c>%XX</c>, spaces as
    /// <c>%20</c>; existing escapes kept as they are) when it is local; <see langword="null"/> when it is not.
    /// </summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrEmpty(url) || !IsLocalShape(url))
        {
            return null;
        }

        var decoded = url;
        for (var pass = 0; pass < MaxDecodingPasses && decoded.Contains('%', StringComparison.Ordinal); pass++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            if (!IsLocalShape(next))
            {
                return null;
            }

            decoded = next;
        }

        return Encode(url);
    }

    /// <summary>The part of <paramref name="url"/> before its query, made printable and short: safe to log.</summary>
    public static string Describe(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var text = end < 0 ? url : url[..end];
        var builder = new StringBuilder(Math.Min(text.Length, 100) + 1);
        foreach (var c in text)
        {
            if (builder.Length == 100)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static bool IsLocalShape(string url)
    {
        if (url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }

    private static string Encode(string url)
    {
        var needed = false;
        foreach (var c in url)
        {
            if (c > '\u007E' || c == ' ')
            {
                needed = true;
                break;
            }
        }

        if (!needed)
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c < '\u007F' && c != ' ')
            {
                builder.Append(c);
                continue;
            }

            // A lone surrogate cannot be encoded as UTF-8: it becomes U+FFFD, as any UTF-8 writer does.
            var length = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1])
                ? Encoding.UTF8.GetBytes(url.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD".AsSpan() : url.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }
}
