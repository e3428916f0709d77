using System.Globalization;
using System.Text;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// Nicknames made safe to show: control, format (bidi overrides and isolates, zero-width spaces, marks) and
/// separator-line characters are dropped, so a nickname cannot reverse or break the page around it. The zero-width
/// joiner stays: emoji sequences need it. Pages still HTML-encode and isolate (<c>&lt;bdi&gt;</c>) the text.
/// </summary>
internal static class DisplayText
{
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// Characters that show nothing or change the text around them: control, format (bidi overrides and isolates,
    /// zero-width spaces) and line or paragraph separators.
    /// </summary>
    public static bool IsHidden(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var drop = c != ZeroWidthJoiner && (char.IsSurrogate(c)
                ? !char.IsSurrogatePair(text, i) && (i == 0 || !char.IsSurrogatePair(text, i - 1))
                : IsHidden(char.GetUnicodeCategory(c)));
            if (drop)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
            }
            else
            {
                clean?.Append(c);
            }
        }

        return clean?.ToString() ?? text;
    }
}
