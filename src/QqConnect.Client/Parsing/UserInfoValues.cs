using System.Text.Json;
using QqConnect.Client.Internal;

namespace QqConnect.Client.Parsing;

/// <summary>
/// The bounds a get_user_info answer is held to (<see cref="QqUserInfo.MaxFieldLength"/>): its text is cut, its URLs
/// are web URLs or absent, its unknown values are dropped when too long. A profile ends up in claims and cookies, so
/// what the answer holds never sets their size.
/// </summary>
internal static class UserInfoValues
{
    /// <summary>The text cut to <see cref="QqUserInfo.MaxFieldLength"/> characters, never inside a surrogate pair.</summary>
    public static string? Text(string? value) => value is null ? null : TextCut.AtMost(value, QqUserInfo.MaxFieldLength);

    /// <summary>
    /// The value when it is an absolute <c>http://</c> or <c>https://</c> URL of at most
    /// <see cref="QqUserInfo.MaxFieldLength"/> characters without control characters, an empty value as QQ sent it
    /// (an avatar the user does not have), otherwise <see langword="null"/>: a <c>javascript:</c> or <c>data:</c>
    /// URL, a relative one or an oversized one is not an avatar any page should show.
    /// </summary>
    public static string? Url(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value!.Length > QqUserInfo.MaxFieldLength || Guard.ContainsControl(value)
            || !(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? value
            : null;
    }

    /// <summary>Whether an unknown field's value fits the bound: a string by its length, anything else by its JSON text.</summary>
    public static bool Fits(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!.Length <= QqUserInfo.MaxFieldLength
        : value.GetRawText().Length <= QqUserInfo.MaxFieldLength;
}
