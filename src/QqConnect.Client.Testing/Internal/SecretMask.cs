namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// Masks the secrets of a query string or form body (the app key, codes and tokens) and cuts it to a bound, so a
/// kept request neither leaks a secret nor grows memory.
/// </summary>
internal static class SecretMask
{
    public const string Masked = "***";

    private static readonly string[] SecretNames = ["client_secret", "code", "access_token", "refresh_token"];

    /// <summary>The text with each secret parameter's value replaced by <see cref="Masked"/>, cut to <paramref name="maxLength"/>; null for none.</summary>
    public static string? Mask(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text[0] == '?')
        {
            text = text[1..];
        }

        var pairs = text.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0 && equals + 1 < pairs[i].Length && IsSecret(Decode(pairs[i][..equals])))
            {
                pairs[i] = pairs[i][..(equals + 1)] + Masked;
            }
        }

        return Cut(string.Join('&', pairs), maxLength);
    }

    /// <summary>The text cut to <paramref name="maxLength"/> characters, "…" marking a cut.</summary>
    public static string Cut(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..maxLength] + "…";

    private static bool IsSecret(string name)
    {
        foreach (var secret in SecretNames)
        {
            if (string.Equals(name.Trim(), secret, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Decode(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }
}
