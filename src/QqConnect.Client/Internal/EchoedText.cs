using System.Globalization;
using System.Text;

namespace QqConnect.Client.Internal;

/// <summary>
/// Makes text that came from the network safe to echo in an exception message or a property that may be logged:
/// control, format and line/paragraph separator characters become visible escapes (<c>\r</c>, <c>\n</c>,
/// <c>\u202E</c>, …), so no echoed value can start a forged log line or reorder one; and the text is capped.
/// </summary>
internal static class EchoedText
{
    /// <summary>The default cap, in characters, of an echoed value.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>What ends a capped value.</summary>
    public const char Ellipsis = '…';

    /// <summary>Escapes unsafe characters and caps the length (the cap counts the original characters kept).</summary>
    public static string Clean(string text, int maxLength = DefaultMaxLength)
    {
        var capped = text.Length > maxLength;
        var length = capped ? maxLength : text.Length;
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var clean = true;
        for (var i = 0; i < length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return capped ? text.Substring(0, length) + Ellipsis : text;
        }

        var builder = new StringBuilder(length + 16);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return (capped ? builder.Append(Ellipsis) : builder).ToString();
    }

    private static bool IsUnsafe(char c)
    {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        {
            return true;
        }

        if (c < 0x2000)
        {
            return c == '\u00AD' || c == '\u061C' || c == '\u180E';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
