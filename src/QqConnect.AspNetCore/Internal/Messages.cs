using System.Globalization;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// Fills the placeholders of the handler's messages (Resources/Strings.resx, Chinese in Strings.zh-Hans.resx, read in
/// the current UI culture when the message is made), formatting the values invariantly.
/// </summary>
internal static class Messages
{
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
