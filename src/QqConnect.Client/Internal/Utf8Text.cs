using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace QqConnect.Client.Internal;

/// <summary>
/// Small UTF-8 helpers that work on every target framework: strict decoding, integers, form decoding (used by the
/// answer parsers and by the callback parser).
/// </summary>
internal static class Utf8Text
{
    // Strict: text that is not valid UTF-8 is an invalid answer (as System.Text.Json treats it), not U+FFFD.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

#if NETSTANDARD2_0
    public static unsafe string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* bytes = utf8)
        {
            return Strict.GetString(bytes, utf8.Length);
        }
    }
#elif NET8_0_OR_GREATER
    // Validating first (vectorised) keeps Encoding.UTF8's fast path for the decoding itself.
    public static string GetString(ReadOnlySpan<byte> utf8) =>
        System.Text.Unicode.Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : throw new DecoderFallbackException("The text is not valid UTF-8.");
#else
    public static string GetString(ReadOnlySpan<byte> utf8) => Strict.GetString(utf8);
#endif

    /// <summary>Parses a whole span as a base-10 integer, tolerating surrounding white space.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> utf8, out long value)
    {
        if (!utf8.IsEmpty && (IsWhiteSpace(utf8[0]) || IsWhiteSpace(utf8[utf8.Length - 1])))
        {
            utf8 = Trim(utf8);
        }

        if (Utf8Parser.TryParse(utf8, out value, out var consumed) && consumed == utf8.Length && consumed > 0)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Decodes an application/x-www-form-urlencoded value ('+' is a space, %XX a byte).</summary>
    /// <param name="raw">The encoded value.</param>
    /// <param name="strict">Whether bytes that are not UTF-8 throw (answers) or become U+FFFD (browser URLs).</param>
    public static string FormDecode(ReadOnlySpan<byte> raw, bool strict = true)
    {
        if (raw.IndexOfAny((byte)'%', (byte)'+') < 0)
        {
            return strict ? GetString(raw) : Lenient(raw);
        }

        byte[]? rented = null;
        var buffer = raw.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b == (byte)'+')
                {
                    b = (byte)' ';
                }
                else if (b == (byte)'%' && i + 2 < raw.Length && TryHex(raw[i + 1], out var high) && TryHex(raw[i + 2], out var low))
                {
                    b = (byte)((high << 4) | low);
                    i += 2;
                }

                buffer[length++] = b;
            }

            return strict ? GetString(buffer.Slice(0, length)) : Lenient(buffer.Slice(0, length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether <paramref name="b"/> is JSON's (and QQ's) white space: space, tab, CR or LF.</summary>
    public static bool IsWhiteSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

    /// <summary>The span without white space (<see cref="IsWhiteSpace"/>) at either end.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span)
    {
        var start = 0;
        while (start < span.Length && IsWhiteSpace(span[start]))
        {
            start++;
        }

        var end = span.Length;
        while (end > start && IsWhiteSpace(span[end - 1]))
        {
            end--;
        }

        return span.Slice(start, end - start);
    }

    private static string Lenient(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.ToArray());

    private static bool TryHex(byte b, out int value)
    {
        value = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
