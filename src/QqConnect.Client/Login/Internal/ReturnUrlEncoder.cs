using System.Text;

namespace QqConnect.Client.Login.Internal;

/// <summary>
/// Makes a local return URL safe for a <c>Location</c> header: every non-ASCII character becomes the
/// percent-escapes of its UTF-8 bytes (<c>/订单/42</c> → <c>/%E8%AE%A2%E5%8D%95/42</c>, <c>/café</c> →
/// <c>/caf%C3%A9</c>), which browsers read as the same URL, and a space becomes <c>%20</c>. The rest of ASCII,
/// including existing escapes, is kept as it is.
/// </summary>
internal static class ReturnUrlEncoder
{
    private const string Hex = "0123456789ABCDEF";

    public static string ToAscii(string url)
    {
        var ascii = true;
        foreach (var c in url)
        {
            if (c > '\u007E' || c == ' ')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 3);
        var bytes = new byte[4];
        var chars = new char[2];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ' ')
            {
                builder.Append("%20");
                continue;
            }

            if (c <= '\u007E')
            {
                builder.Append(c);
                continue;
            }

            // A local return URL has no lone surrogates (IsLocalReturnUrl refuses them).
            var count = char.IsHighSurrogate(c) && i + 1 < url.Length ? 2 : 1;
            chars[0] = c;
            if (count == 2)
            {
                chars[1] = url[++i];
            }

            var length = Encoding.UTF8.GetBytes(chars, 0, count, bytes, 0);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(Hex[bytes[b] >> 4]).Append(Hex[bytes[b] & 0xF]);
            }
        }

        return builder.ToString();
    }
}
