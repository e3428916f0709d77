namespace QqConnect.Client.Internal;

/// <summary>Cuts text from outside to a length, never between the two halves of a surrogate pair.</summary>
internal static class TextCut
{
    /// <summary>How many characters of <paramref name="text"/> are kept when it is cut to at most <paramref name="maxLength"/>.</summary>
    public static int Length(string text, int maxLength)
    {
        var length = Math.Min(text.Length, maxLength);
        return length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
    }

    /// <summary><paramref name="text"/> itself when it fits, else its first <see cref="Length"/> characters.</summary>
    public static string AtMost(string text, int maxLength) =>
        text.Length <= maxLength ? text : text.Substring(0, Length(text, maxLength));
}
