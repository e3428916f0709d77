using System.Globalization;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Internal;

/// <summary>
/// The SDK's messages: read from the resources (English, the neutral language; Chinese in the zh-Hans satellite
/// assembly) when a message is made, so the current UI culture at that time decides the language. Numbers and other
/// values are formatted invariantly: only the words change with the language.
/// </summary>
internal static class Messages
{
    /// <summary>The message named <paramref name="key"/> in <paramref name="culture"/> (<see langword="null"/>: the current UI culture).</summary>
    public static string Get(string key, CultureInfo? culture) => Strings.ResourceManager.GetString(key, culture) ?? key;

    /// <summary>Fills a message's placeholders, formatting the values invariantly.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
