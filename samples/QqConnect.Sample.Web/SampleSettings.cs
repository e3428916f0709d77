using Microsoft.AspNetCore.Http;

namespace QqConnect.Sample.Web;

/// <summary>Demo or real mode, and the callback address.</summary>
/// <param name="IsDemo">Whether the sample logs in against its own emulator.</param>
/// <param name="RedirectUri">The callback URL QQ sends the browser back to (the SDK's RedirectUri).</param>
internal sealed record SampleSettings(bool IsDemo, Uri RedirectUri)
{
    /// <summary>Where the sample listens when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

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

    /// <summary>The hint printed with every listening problem.</summary>
    public const string UrlsHint = "Pick another address with --urls http://127.0.0.1:PORT (or set ASPNETCORE_URLS).";

    /// <summary>A one-line problem with the listening addresses (a port out of range, an unreadable address), or null.</summary>
    public static string? CheckUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                return $"Cannot listen on '{url}': not an address such as http://127.0.0.1:5000. {UrlsHint}";
            }

            if (address.Port is < 0 or > 65535)
            {
                return $"Cannot listen on '{url}': the port must be from 0 to 65535. {UrlsHint}";
            }
        }

        return null;
    }

    /// <summary>The one line printed when Kestrel cannot bind.</summary>
    public static string CannotListen(string urls, IOException exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                var port = BindingAddress.Parse(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]).Port;
                return $"Cannot listen on {urls}: port {port} is already in use by another program. {UrlsHint}";
            }
        }

        return $"Cannot listen on {urls}: {exception.Message.ReplaceLineEndings(" ")} {UrlsHint}";
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
