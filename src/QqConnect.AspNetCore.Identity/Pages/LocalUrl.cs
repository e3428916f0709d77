namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>Return URLs and configured paths that stay on the site (<c>Url.IsLocalUrl</c>'s rule for paths).</summary>
internal static class LocalUrl
{
    /// <summary>Whether <paramref name="url"/> is a path of this site: starts with <c>/</c>, not <c>//</c> or <c>/\</c>, no control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
