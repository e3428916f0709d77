using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>Every answer of the site carries the headers that keep it out of frames, sniffing and referrers; HSTS outside Development.</summary>
public sealed class SecurityHeadersTests : SiteTest
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.SequenceEqual(["DENY"]), what);
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.SequenceEqual(["frame-ancestors 'none'"]), what);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.SequenceEqual(["nosniff"]), what);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.SequenceEqual(["no-referrer"]), what);
    }

    [Fact]
    public async Task EveryPage_SignedOutSignedInAndBinding_CarriesTheSecurityHeaders()
    {
        using var browser = Site.NewBrowser();
        foreach (var path in new[] { "/", "/login", "/register", "/qq/bind", "/account" })
        {
            using var response = await browser.GetAsync(path); // the last two redirect to /login: no pending QQ login, not signed in
            AssertSecurityHeaders(response);
        }

        using (var callback = await Flows.QqLoginAsync(browser, Emulator))
        {
            AssertSecurityHeaders(callback);
        }

        using (var bindPage = await browser.GetAsync("/qq/bind"))
        {
            Assert.Equal(HttpStatusCode.OK, bindPage.StatusCode);
            AssertSecurityHeaders(bindPage);
        }

        using (var created = await browser.SubmitAsync("/qq/bind", "create-account", ("userName", "小明")))
        {
            AssertSecurityHeaders(created);
        }

        foreach (var path in new[] { "/", "/account" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
        }

        using var forged = await browser.PostAsync("/account/qq/refresh", "not-a-token");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        AssertSecurityHeaders(forged);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Hsts_IsSentOnHttps_OutsideDevelopmentOnly(string environment, bool expected)
    {
        await using var site = Site.WithWebHostBuilder(builder => builder.UseEnvironment(environment));
        using var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://qq-site.test/") });

        using var response = await http.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
        AssertSecurityHeaders(response);
    }
}
