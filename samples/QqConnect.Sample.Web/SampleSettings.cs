using Microsoft.AspNetCore.Http;

namespace QqConnect.Sample.Web;

/// <summary>Demo or real mode, and the callback address.</summary>
/// <param name="IsDemo">Whether the sample logs in against its own emulator.</param>
/// <param name="RedirectUri">The callback URL QQ sends the browser back to (the SDK's RedirectUri).</param>
internal sealed record SampleSettings(bool IsDemo, Uri RedirectUri)
{
    /// <summary>The path of the callback endpoint: the path of the RedirectUri.</summary>
    public string CallbackPath => RedirectUri.AbsolutePath;

    /// <summary>The site's root address, on the RedirectUri's origin.</summary>
    public Uri SiteAddress => new(RedirectUri, "/");

    /// <summary>
    /// Real mode when QqConnect:AppId, AppKey and RedirectUri are all set (appsettings.json or environment variables
    /// QqConnect__AppId, …); demo mode when none is. Demo mode's RedirectUri is /signin-qq on the listening address.
    /// </summary>
    public static SampleSettings Create(IConfiguration qqSection, string urls)
    {
        string[] keys = ["AppId", "AppKey", "RedirectUri"];
        var missing = keys.Where(key => string.IsNullOrWhiteSpace(qqSection[key])).ToList();
        if (missing.Count == 0)
        {
            if (!Uri.TryCreate(qqSection["RedirectUri"], UriKind.Absolute, out var redirectUri))
            {
                throw new InvalidOperationException("QqConnect:RedirectUri must be an absolute URL, such as https://example.com/signin-qq.");
            }

            return new SampleSettings(IsDemo: false, redirectUri);
        }

        if (missing.Count < keys.Length)
        {
            throw new InvalidOperationException(
                $"QqConnect is only partly configured: {string.Join(", ", missing.Select(key => "QqConnect:" + key))} missing. "
                + "Set AppId, AppKey and RedirectUri together for a real QQ app, or none of them for demo mode.");
        }

        return new SampleSettings(IsDemo: true, new Uri(ListeningOrigin(urls), "/signin-qq"));
    }

    /// <summary>Whether the request came to the RedirectUri's origin (and so will the callback's cookies).</summary>
    public bool IsSiteOrigin(HttpRequest request) =>
        string.Equals(request.Scheme, RedirectUri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Host.Value, RedirectUri.Authority, StringComparison.OrdinalIgnoreCase);

    // The first address of --urls, with a wildcard host ("*", "+", "0.0.0.0") read as 127.0.0.1.
    private static Uri ListeningOrigin(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var address = BindingAddress.Parse(first);
        if (address.Port == 0)
        {
            throw new InvalidOperationException(
                $"Demo mode needs a fixed port (not {first}): the emulator sends the browser back to it. Try --urls http://127.0.0.1:5000");
        }

        var host = address.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : address.Host;
        return new UriBuilder(address.Scheme, host, address.Port).Uri;
    }
}
