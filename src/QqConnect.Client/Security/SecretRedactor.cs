namespace QqConnect.Client.Security;

/// <summary>Keeps secrets (app key, code, tokens) out of text that may reach a log or a message.</summary>
internal static class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    /// <remarks>Secrets shorter than 4 characters are not searched for: they would mask ordinary words.</remarks>
    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret!.Length < 4 || text.IndexOf(secret, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return text.Replace(secret, Mask);
    }
}
