namespace QqConnect.Client.Internal;

/// <summary>Keeps secrets (app key, code, tokens) out of text that may reach a log or a message.</summary>
internal static class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    /// <remarks>
    /// The search ignores case (QQ's hex tokens mean the same in either case). Secrets shorter than 4 characters
    /// are not searched for: they would mask ordinary words.
    /// </remarks>
    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret!.Length < 4)
        {
            return text;
        }

        var found = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        if (found < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var start = 0;
        while (found >= 0)
        {
            builder.Append(text, start, found - start).Append(Mask);
            start = found + secret.Length;
            found = text.IndexOf(secret, start, StringComparison.OrdinalIgnoreCase);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
