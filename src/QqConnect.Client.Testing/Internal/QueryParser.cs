using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Parses <c>application/x-www-form-urlencoded</c> text (a query string or a form body).</summary>
internal static class QueryParser
{
    /// <summary>Parses pairs; the first occurrence of a name wins, as on most servers.</summary>
    public static Dictionary<string, string> Parse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        if (text[0] == '?')
        {
            text = text[1..];
        }

        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }

    /// <summary>Encodes a value for a query string, spaces as <c>%20</c>.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Encodes a value for a query string, spaces as <c>+</c> (the style QQ uses for error texts).</summary>
    public static string EncodePlus(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static string Decode(string value)
    {
        if (value.Contains('+', StringComparison.Ordinal))
        {
            value = value.Replace('+', ' ');
        }

        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    /// <summary>Builds <c>a=1&amp;b=2</c> from pairs, percent-encoding each value.</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }

        return builder.ToString();
    }
}
