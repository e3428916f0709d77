namespace QqConnect.Client.Internal;

/// <summary>Argument checks made before any request is sent.</summary>
internal static class Guard
{
    /// <summary>The longest code, token, openid or app id accepted (QQ's are 32 characters).</summary>
    public const int MaxValueLength = 1024;

    /// <summary>
    /// The most characters a state or a redirect URI may have before its bytes are counted: a cheap first cap (QQ's own
    /// limit, <see cref="QqWire.MaxParameterBytes"/>, is checked on the value as sent).
    /// </summary>
    public const int MaxStateOrUrlLength = 2048;

    public static void NotNull(object? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }
    }

    /// <summary>Rejects null, empty, white space, control characters and absurd lengths; never echoes the value.</summary>
    public static void Value(string? value, string parameterName, int maxLength = MaxValueLength)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0 || IsWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or white space.", parameterName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {maxLength} are accepted.", parameterName);
        }

        if (ContainsControl(value))
        {
            throw new ArgumentException("The value must not contain control characters.", parameterName);
        }
    }

    /// <summary>
    /// Whether a value QQ sent (a token, an openid) would pass <see cref="Value"/> as an argument of the next call:
    /// not empty or white space, at most <paramref name="maxLength"/> characters, no control characters.
    /// </summary>
    public static bool IsUsable(string? value, int maxLength = MaxValueLength) =>
        value is { Length: > 0 } && value.Length <= maxLength && !IsWhiteSpace(value) && !ContainsControl(value);

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL (what a redirect URI must be).</summary>
    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Whether <paramref name="value"/> holds a control character (CR, LF, NUL, …).</summary>
    public static bool ContainsControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
