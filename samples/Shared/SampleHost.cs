// Shared by the web samples (linked into each project, see their .csproj): where a sample listens, and the one
// line a new user sees instead of the host's stack traces when it cannot.
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace QqConnect.Samples;

/// <summary>A sample's listening address and its quiet start-up: its own lines, never the host's noise.</summary>
internal static class SampleHost
{
    /// <summary>Where a sample listens when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The hint printed with every listening problem.</summary>
    public const string UrlsHint = "Pick another address with --urls http://127.0.0.1:PORT (or set ASPNETCORE_URLS).";

    /// <summary>
    /// A sample's start: ASP.NET Core's per-request log lines kept out (the callback URL carries the authorization code
    /// and the state), the host's own start-up lines quiet, and the listening addresses read and checked. Returns the
    /// addresses, or <see langword="null"/> after printing the one-line problem (the sample then exits with 2).
    /// </summary>
    public static async Task<string?> PrepareAsync(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.QuietHostLogging();
        builder.Services.AddTransient<IStartupFilter, HostHeaderCheck>();
        var urls = builder.ListeningUrls();
        if (CheckUrls(urls) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return null;
        }

        return urls;
    }

    /// <summary>
    /// Keeps the host's own start-up lines out ("Now listening on", "Hosting environment: Production", "Content root
    /// path"): the sample prints its own. Also the "Hosting failed to start" stack trace when the port is taken, which
    /// <see cref="RunAsync"/> reports in one line.
    /// </summary>
    private static void QuietHostLogging(this ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    }

    /// <summary>The addresses to listen on: --urls or ASPNETCORE_URLS, else <see cref="DefaultUrls"/> (then set on the builder).</summary>
    private static string ListeningUrls(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls;
        }

        builder.WebHost.UseUrls(DefaultUrls);
        return DefaultUrls;
    }

    /// <summary>A one-line problem with the listening addresses (a port out of range, an unreadable address), or null.</summary>
    private static string? CheckUrls(string urls)
    {
        foreach (var url in Split(urls))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                return $"Cannot listen on '{url}': not an address such as {DefaultUrls}. {UrlsHint}";
            }

            if (address.Port is < 0 or > 65535)
            {
                return $"Cannot listen on '{url}': the port must be from 0 to 65535. {UrlsHint}";
            }

            // Kestrel listens on every interface for a name it cannot read as an address (and says so only in a log
            // line the sample keeps quiet): a typo would open the site to the network. "*" and "+" ask for that.
            if (address.Host is not ("*" or "+") && !address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                if (!IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
                {
                    return $"Cannot listen on '{url}': '{address.Host}' is not an IP address or localhost. {UrlsHint}";
                }

                // The socket layer refuses to bind an IPv6 socket to an IPv4-mapped address ("Invalid argument").
                if (ip.IsIPv4MappedToIPv6)
                {
                    return $"Cannot listen on '{url}': '{address.Host}' is an IPv4 address written as IPv6; write it as {ip.MapToIPv4()}. {UrlsHint}";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Runs the site until Ctrl+C. When Kestrel cannot bind (most often the port is taken: 5000 often is, e.g. by
    /// AirPlay on macOS), prints one line with the <c>--urls</c> hint and returns 2.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, string urls)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            await Console.Error.WriteLineAsync(CannotListen(urls, exception));
            return 2;
        }
    }

    /// <summary>The one line printed when Kestrel cannot bind.</summary>
    private static string CannotListen(string urls, Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                var port = BindingAddress.Parse(Split(urls)[0]).Port;
                return $"Cannot listen on {urls}: port {port} is already in use by another program. {UrlsHint}";
            }
        }

        return $"Cannot listen on {urls}: {exception.Message.ReplaceLineEndings(" ")} {UrlsHint}";
    }

    /// <summary>
    /// A request whose Host header is longer than any host name (253 characters, RFC 1035) plus a port gets a plain
    /// 400 before the site sees it: such a host cannot make a redirect URL that QQ would take, and the login's
    /// challenge would fail with an exception instead.
    /// </summary>
    private sealed class HostHeaderCheck : IStartupFilter
    {
        private const int MaxHostLength = 253 + 6; // ":65535"

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.Host.ToString().Length > MaxHostLength)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync("Bad Request: the Host header is too long.");
                    return;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }

    private static string[] Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
