using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>Decides a body's shape from its bytes and finds the part to parse.</summary>
internal static class BodySniffer
{
    /// <summary>Classifies <paramref name="body"/>.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="payload">The JSON object for <see cref="BodyShape.Json"/> and <see cref="BodyShape.Jsonp"/>, the pairs for <see cref="BodyShape.Form"/>.</param>
    public static BodyShape Sniff(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        body = Trim(SkipBom(Trim(body)));
        if (body.IsEmpty)
        {
            return BodyShape.Empty;
        }

        switch (body[0])
        {
            case (byte)'{':
                payload = body;
                return BodyShape.Json;
            case (byte)'[':
                return BodyShape.JsonArray;
            case (byte)'<':
                return BodyShape.Html;
        }

        if (body.SequenceEqual("null"u8))
        {
            return BodyShape.JsonNull;
        }

        // JSONP: a callback name, optional white space, '('.
        var nameLength = IdentifierLength(body);
        var rest = TrimStart(body.Slice(nameLength));
        if (nameLength > 0 && !rest.IsEmpty && rest[0] == (byte)'(')
        {
            return SniffJsonp(rest.Slice(1), out payload);
        }

        // Form pairs: any name (application/x-www-form-urlencoded allows almost any byte), then '='.
        if (body.IndexOf((byte)'=') > 0)
        {
            payload = body;
            return BodyShape.Form;
        }

        return BodyShape.Unknown;
    }

    /// <summary>Describes a shape for an error message, e.g. Strings.BodyHtml.</summary>
    public static string Describe(BodyShape shape) => shape switch
    {
        BodyShape.Empty => Strings.BodyEmpty,
        BodyShape.Json => Strings.BodyJson,
        BodyShape.Jsonp => Strings.BodyJsonp,
        BodyShape.Form => Strings.BodyForm,
        BodyShape.Html => Strings.BodyHtml,
        BodyShape.JsonNull => Strings.BodyJsonNull,
        BodyShape.JsonArray => Strings.BodyJsonArray,
        BodyShape.TruncatedJsonp => Strings.BodyTruncatedJsonp,
        _ => Strings.BodyUnknown,
    };

    // After "callback(": the JSON object up to the last ')', then only ';' and white space.
    private static BodyShape SniffJsonp(ReadOnlySpan<byte> afterParen, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        var close = afterParen.LastIndexOf((byte)')');
        if (close < 0)
        {
            return BodyShape.TruncatedJsonp;
        }

        foreach (var b in afterParen.Slice(close + 1))
        {
            if (b != (byte)';' && !IsWhiteSpace(b))
            {
                return BodyShape.Unknown;
            }
        }

        var inner = Trim(afterParen.Slice(0, close));
        if (inner.IsEmpty || inner[0] != (byte)'{')
        {
            return inner.IsEmpty ? BodyShape.Empty : inner[0] == (byte)'[' ? BodyShape.JsonArray : BodyShape.Unknown;
        }

        payload = inner;
        return BodyShape.Jsonp;
    }

    // The length of a JavaScript-style callback name (letters, digits, '_', '$', '.') at the start of the body.
    private static int IdentifierLength(ReadOnlySpan<byte> body)
    {
        var i = 0;
        while (i < body.Length && IsIdentifierByte(body[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsIdentifierByte(byte b) =>
        (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9')
        || b == (byte)'_' || b == (byte)'$' || b == (byte)'.';

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body.Slice(3) : body;

    private static bool IsWhiteSpace(byte b) => Utf8Text.IsWhiteSpace(b);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span) => Utf8Text.Trim(span);

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> span)
    {
        var start = 0;
        while (start < span.Length && IsWhiteSpace(span[start]))
        {
            start++;
        }

        return span.Slice(start);
    }
}
