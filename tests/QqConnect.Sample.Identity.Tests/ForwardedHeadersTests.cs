using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>
/// Behind a TLS-terminating proxy the site sees http; with <c>ForwardedHeaders:Enabled</c> it takes the proxy's
/// X-Forwarded-Proto (https redirect URI, Secure cookies), and without it a client's header changes nothing.
/// </summary>
public sealed class ForwardedHeadersTests : SiteTest
{
    /// <summary>GET /qq/login over http with X-Forwarded-Proto: https; the redirect_uri sent to QQ and the login's cookie.</summary>
    private static async Task<(string RedirectUri, string CorrelationCookie)> QqLoginBehindProxyAsync(WebApplicationFactory<Data.AppDbContext> site)
    {
        using var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://qq-site.test/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/qq/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redirectUri = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        return (redirectUri, cookie);
    }

    [Fact]
    public async Task ForwardedProto_Enabled_IsHonoured_RedirectUriHttps_AndCookieSecure()
    {
        await using var site = Site.WithWebHostBuilder(builder => builder.UseSetting("ForwardedHeaders:Enabled", "true"));

        var (redirectUri, cookie) = await QqLoginBehindProxyAsync(site);

        Assert.StartsWith("https://qq-site.test/", redirectUri, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedProto_NotEnabled_IsIgnored()
    {
        var (redirectUri, cookie) = await QqLoginBehindProxyAsync(Site);

        Assert.StartsWith("http://qq-site.test/", redirectUri, StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, true)] // no proxies listed: a proxy on this machine (loopback) is trusted
    [InlineData("10.9.8.7", false)] // only that proxy: the test's loopback connection is not it
    public async Task ForwardedProto_OverARealSocket_IsHonouredFromKnownProxiesOnly(string? knownProxy, bool honoured)
    {
        using var database = new TempDatabase();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={database.Path}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ForwardedHeaders__Enabled"] = "true",
        };
        if (knownProxy is not null)
        {
            settings["ForwardedHeaders__KnownProxies__0"] = knownProxy;
        }

        await using var process = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(60), SampleProcess.IdentitySample, settings);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(process.BaseAddress, "/qq/login"));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redirectUri = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
        Assert.StartsWith(honoured ? "https://" : "http://", redirectUri, StringComparison.Ordinal);
    }
}
