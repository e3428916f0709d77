using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QqConnect.Sample.Identity.Web;

/// <summary>
/// The headers every answer of the site carries (no framing, no type sniffing, no referrer), HSTS outside Development,
/// and, when configured, the scheme and client address a TLS-terminating proxy forwards.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Reads <c>ForwardedHeaders:Enabled</c> and <c>ForwardedHeaders:KnownProxies</c> (IP addresses; none given: the
    /// proxy runs on this machine, loopback). Off by default: a site reachable directly must not believe a client's
    /// X-Forwarded-Proto. See docs/account-binding.md.
    /// </summary>
    public static IServiceCollection AddSiteForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Length > 0)
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                        ? address
                        : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
                }
            }
        });
        return services;
    }

    /// <summary>
    /// Forwarded headers first (when <c>ForwardedHeaders:Enabled</c> is true), then HSTS (not in Development; browsers
    /// heed it on https only), then the fixed headers on every response, error pages and redirects included.
    /// </summary>
    public static void UseSiteSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
