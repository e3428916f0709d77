using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The list of this browser's pending logins of one scheme (state and expiry of each, oldest first), kept in one
/// small protected cookie on the site's root path. The correlation cookies live on the callback path, so a challenge
/// never sees them: this list is how a challenge finds the oldest ones and deletes them, keeping at most
/// <see cref="MaxPending"/>.
/// </summary>
internal static class PendingLogins
{
    /// <summary>The most logins one browser has pending per scheme; the oldest is dropped by a newer challenge.</summary>
    public const int MaxPending = 3;

    private const string Purpose = "QqConnect.AspNetCore.PendingLogins";
    private const string ListKey = "p";

    // A list written by this code is about 200 characters; anything far longer was not.
    private const int MaxCookieLength = 1024;

    /// <summary>The name of the list's cookie.</summary>
    public static string CookieName(string scheme) => ".AspNetCore.QqConnect.Pending." + scheme;

    /// <summary>Reads the list, oldest first; an absent, unreadable or malformed one is empty (its logins then simply expire).</summary>
    public static List<(string State, DateTimeOffset ExpiresAt)> Read(string? cookie, ISecureDataFormat<AuthenticationProperties> format)
    {
        var pending = new List<(string, DateTimeOffset)>();
        if (string.IsNullOrEmpty(cookie) || cookie.Length > MaxCookieLength
            || format.Unprotect(cookie, Purpose) is not { } list
            || !list.Items.TryGetValue(ListKey, out var text) || text is null)
        {
            return pending;
        }

        foreach (var entry in text.Split(' ', MaxPending * 2, StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = entry.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0
                && LoginState.IsWellFormed(entry[..dot])
                && long.TryParse(entry.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds < 253_402_300_799_999L)
            {
                pending.Add((entry[..dot], DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)));
            }
        }

        return pending;
    }

    /// <summary>Protects the list (oldest first) for its cookie.</summary>
    public static string Write(IEnumerable<(string State, DateTimeOffset ExpiresAt)> pending, ISecureDataFormat<AuthenticationProperties> format)
    {
        var text = new StringBuilder();
        foreach (var (state, expiresAt) in pending)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(state).Append('.').Append(expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        var list = new AuthenticationProperties();
        list.Items[ListKey] = text.ToString();
        return format.Protect(list, Purpose);
    }
}
