namespace QqConnect.Client.Login.Internal;

/// <summary>
/// Base64url without padding (RFC 4648 section 5), strict on decoding: only the 64 URL-safe characters,
/// no padding, no white space, and the unused bits of the last character must be zero, so that every
/// byte sequence has exactly one text form.
/// </summary>
internal static class Base64UrlCodec
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Encode(byte[] data)
    {
        var chars = new char[((data.Length * 4) + 2) / 3];
        var c = 0;
        var i = 0;
        for (; i + 2 < data.Length; i += 3)
        {
            var block = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            chars[c++] = Alphabet[(block >> 18) & 63];
            chars[c++] = Alphabet[(block >> 12) & 63];
            chars[c++] = Alphabet[(block >> 6) & 63];
            chars[c++] = Alphabet[block & 63];
        }

        var rest = data.Length - i;
        if (rest == 1)
        {
            var block = data[i] << 16;
            chars[c++] = Alphabet[(block >> 18) & 63];
            chars[c++] = Alphabet[(block >> 12) & 63];
        }
        else if (rest == 2)
        {
            var block = (data[i] << 16) | (data[i + 1] << 8);
            chars[c++] = Alphabet[(block >> 18) & 63];
            chars[c++] = Alphabet[(block >> 12) & 63];
            chars[c++] = Alphabet[(block >> 6) & 63];
        }

        return new string(chars, 0, c);
    }

    /// <summary>Decodes <paramref name="text"/>; returns <see langword="false"/> (never throws) when it is not canonical base64url.</summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }

        var result = new byte[text.Length * 3 / 4];
        var b = 0;
        var block = 0;
        var bits = 0;
        foreach (var ch in text)
        {
            var value = ValueOf(ch);
            if (value < 0)
            {
                return false;
            }

            block = (block << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                result[b++] = (byte)(block >> bits);
                block &= (1 << bits) - 1;
            }
        }

        // Left-over bits must be zero: otherwise two texts would decode to the same bytes.
        if (block != 0)
        {
            return false;
        }

        data = result;
        return true;
    }

    private static int ValueOf(char ch) => ch switch
    {
        >= 'A' and <= 'Z' => ch - 'A',
        >= 'a' and <= 'z' => ch - 'a' + 26,
        >= '0' and <= '9' => ch - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
