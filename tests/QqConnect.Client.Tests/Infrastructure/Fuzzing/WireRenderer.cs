using System.Text;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>Writes fields as QQ would: form pairs, JSON, or JSONP, in every spelling the protocol allows.</summary>
internal static class WireRenderer
{
    private static readonly string[] LeadingSpace = [string.Empty, " ", "  ", "\r\n", "\t"];
    private static readonly string[] TrailingSpace = [string.Empty, "\n", "\r\n", " ", "\t\n"];

    // Separators inside JSON, by layout: compact, spaced, pretty with tabs (QQ's get_user_info), pretty with spaces, random.
    private static readonly string[][] Spacing =
    [
        [string.Empty],
        [" "],
        ["\n\t", "\t", "\n"],
        ["\n  ", " ", "\r\n    "],
        [string.Empty, " ", "\t", "\n", "\r\n", "  \n\t "],
    ];

    public static byte[] Render(IReadOnlyList<WireField> fields, WireStyle style)
    {
        var random = new Random(style.Seed);
        var ordered = fields.ToArray();
        random.Shuffle(ordered);

        var body = new StringBuilder();
        if (style.Bom)
        {
            body.Append('\uFEFF');
        }

        body.Append(LeadingSpace[style.Leading % LeadingSpace.Length]);
        switch (style.Shape)
        {
            case WireShape.Form:
                body.Append(Form(ordered, random));
                break;
            case WireShape.Json:
                body.Append(Json(ordered, style.Layout, random, TrailingComma(style)));
                break;
            default:
                var json = Json(ordered, style.Layout, random, TrailingComma(style));
                body.Append((style.Jsonp % 6) switch
                {
                    0 => $"callback( {json} );",
                    1 => $"callback({json});",
                    2 => $"callback({json})",
                    3 => $"callback ( {json} ) ;",
                    4 => $"callback(\n{json}\n);",
                    _ => $"jsonp_cb1({json});",
                });
                break;
        }

        body.Append(TrailingSpace[style.Trailer % TrailingSpace.Length]);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private static string Form(WireField[] fields, Random random)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (field.Kind == WireKind.RawJson)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(random.Next(10) == 0 ? "&&" : "&");
            }

            text.Append(FormEncode(field.Name, random, allowRawNonAscii: false)).Append('=').Append(FormEncode(field.Value, random, allowRawNonAscii: true));
        }

        if (random.Next(10) == 0)
        {
            text.Append('&');
        }

        return text.ToString();
    }

    // One body in eight ends its object with a comma before '}', as QQ's wiki prints a /me error. Taken from the
    // seed's bits, not the random stream, so recorded seeds still replay the same bodies otherwise.
    private static bool TrailingComma(WireStyle style) => (style.Seed & 7) == 7;

    private static string Json(WireField[] fields, int layout, Random random, bool trailingComma)
    {
        var spaces = Spacing[layout % Spacing.Length];
        string Space() => spaces[random.Next(spaces.Length)];

        var text = new StringBuilder("{");
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            text.Append(i == 0 ? string.Empty : ",").Append(Space());
            text.Append(JsonString(field.Name, random)).Append(Space()).Append(':').Append(Space());
            text.Append(field.Kind switch
            {
                WireKind.Text => JsonString(field.Value, random),
                WireKind.Integer => random.Next(2) == 0 ? field.Value : JsonString(field.Value, random),
                _ => field.Value,
            });
        }

        if (trailingComma && fields.Length > 0)
        {
            text.Append(',');
        }

        return text.Append(Space()).Append('}').ToString();
    }

    /// <summary>A JSON string literal, with escapes chosen at random among those JSON allows.</summary>
    public static string JsonString(string value, Random random)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            var escape = random.Next(100);
            switch (c)
            {
                case '"':
                    text.Append(escape < 80 ? "\\\"" : Unicode(c, random));
                    break;
                case '\\':
                    text.Append(escape < 80 ? "\\\\" : Unicode(c, random));
                    break;
                case '/':
                    text.Append(escape < 40 ? "/" : escape < 90 ? "\\/" : Unicode(c, random));
                    break;
                case < 0x20:
                    var shortForm = c switch { '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => null };
                    text.Append(shortForm is not null && escape < 70 ? shortForm : Unicode(c, random));
                    break;
                case < 0x80:
                    text.Append(escape < 95 ? ((char)c).ToString() : Unicode(c, random));
                    break;
                case < 0x10000:
                    text.Append(escape < 70 ? rune.ToString() : Unicode(c, random));
                    break;
                default:
                    if (escape < 70)
                    {
                        text.Append(rune.ToString());
                    }
                    else
                    {
                        var pair = rune.ToString();
                        text.Append(Unicode(pair[0], random)).Append(Unicode(pair[1], random));
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>application/x-www-form-urlencoded, with '+' or %20 for spaces and random %XX for safe characters too.</summary>
    public static string FormEncode(string value, Random random, bool allowRawNonAscii)
    {
        var text = new StringBuilder(value.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            var dice = random.Next(100);
            if (c == ' ')
            {
                text.Append(dice < 70 ? "+" : Percent((byte)' ', random));
            }
            else if (c < 0x80 && (char.IsAsciiLetterOrDigit((char)c) || c is '-' or '.' or '_' or '~' or '*'))
            {
                text.Append(dice < 90 ? ((char)c).ToString() : Percent((byte)c, random));
            }
            else if (c >= 0x80 && allowRawNonAscii && dice < 20)
            {
                text.Append(rune.ToString());
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8.Slice(0, length))
                {
                    text.Append(Percent(b, random));
                }
            }
        }

        return text.ToString();
    }

    private static string Percent(byte b, Random random) =>
        random.Next(2) == 0 ? $"%{b:X2}" : $"%{b:x2}";

    private static string Unicode(int c, Random random) =>
        random.Next(2) == 0 ? $"\\u{c:X4}" : $"\\u{c:x4}";
}
