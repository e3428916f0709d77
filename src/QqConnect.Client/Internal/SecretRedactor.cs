namespace QqConnect.Client.Internal;

/// <summary>Keeps secrets (app key, code, tokens) out of text that may reach a log or a message.</summary>
internal static class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <see cref="Mask"/>,
    /// as it is and URL-encoded (RFC 3986 <c>%20</c> style, form <c>+</c> style, and <see cref="System.Net.WebUtility.UrlEncode"/>),
    /// since a server echoing a request line echoes the secrets as they were sent.
    /// </summary>
    /// <remarks>
    /// The search ignores case (QQ's hex tokens mean the same in either case, and so do percent-escapes). Secrets
    /// shorter than 4 characters are not searched for: they would mask ordinary words. Only error paths call this.
    /// </remarks>
    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret!.Length < 4)
        {
            return text;
        }

        text = RedactExact(text, secret);
        var escaped = Uri.EscapeDataString(secret);
        if (!string.Equals(escaped, secret, StringComparison.Ordinal))
        {
            text = RedactExact(text, escaped);
            var plus = escaped.Replace("%20", "+");
            text = RedactExact(text, plus);
            var form = System.Net.WebUtility.UrlEncode(secret);
            if (!string.Equals(form, plus, StringComparison.OrdinalIgnoreCase))
            {
                text = RedactExact(text, form);
            }
        }

        return text;
    }

    private static string RedactExact(string text, string secret)
    {
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
