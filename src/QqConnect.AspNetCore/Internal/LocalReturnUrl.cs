using System.Text;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The handler's use of the client's return-URL rule (<see cref="QqLoginStateProtector.IsLocalReturnUrl(string?)"/>,
/// one rule for both packages): which return URLs a login may go back to, their length limit, and how a refused
/// one is logged.
/// </summary>
internal static class LocalReturnUrl
{
    /// <summary>The longest return URL kept with a login, counted after encoding.</summary>
    public const int MaxLength = 1024;

    /// <summary>The URL encoded for a <c>Location</c> header when it is local; <see langword="null"/> when it is not.</summary>
    public static string? Normalize(string? url) => QqLoginStateProtector.ToLocalReturnUrl(url);

    /// <summary>The part of <paramref name="url"/> before its query, made printable and short: safe to log.</summary>
    public static string Describe(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var text = end < 0 ? url : url[..end];
        var builder = new StringBuilder(Math.Min(text.Length, 100) + 1);
        foreach (var c in text)
        {
            if (builder.Length == 100)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
