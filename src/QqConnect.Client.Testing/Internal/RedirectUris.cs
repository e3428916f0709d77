using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>redirect_uri rules: under a registered domain, and how callback parameters are appended.</summary>
internal static class RedirectUris
{
    /// <summary>Whether <paramref name="redirectUri"/> is an absolute http(s) URL under one of the app's callback domains.</summary>
    public static bool IsAllowed(EmulatorApp app, string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || redirectUri.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var domain in app.CallbackDomains)
        {
            if (domain.Contains("://", StringComparison.Ordinal))
            {
                if (redirectUri.StartsWith(domain, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                continue;
            }

            var host = uri.IdnHost;
            if (string.Equals(host, domain, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends already-encoded <c>name=value</c> pairs to the query (or the fragment) of a redirect_uri.</summary>
    public static string Append(string redirectUri, string encodedPairs, bool inFragment = false)
    {
        if (inFragment)
        {
            return redirectUri + "#" + encodedPairs;
        }

        var builder = new StringBuilder(redirectUri);
        var separator = redirectUri.Contains('?', StringComparison.Ordinal)
            ? (redirectUri.EndsWith('?') || redirectUri.EndsWith('&') ? "" : "&")
            : "?";
        return builder.Append(separator).Append(encodedPairs).ToString();
    }
}
