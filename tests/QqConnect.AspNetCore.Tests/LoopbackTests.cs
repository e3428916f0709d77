using System.Net;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>The whole login over real loopback sockets: the site on Kestrel, the emulator server, and the emulator's HTML form posted back.</summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task Login_OverLoopbackSockets_SignsIn()
    {
        await using var site = await LoopbackSite.StartAsync();
        using var browser = site.NewBrowser();

        // The site sends the browser to the emulator over sockets; the user approves on its HTML form.
        var authorize = await LoopbackSite.ChallengeAsync(browser);
        using var page = await browser.GetAsync(authorize);
        var pageHtml = await page.Content.ReadAsStringAsync();
        using var callback = await browser.GetAsync(await LoopbackSite.DecideAsync(authorize));
        using var me = await browser.GetAsync("/me");

        Assert.Equal(authorize.GetLeftPart(UriPartial.Authority) + "/", site.Qq.BaseAddress.AbsoluteUri);
        Assert.Contains("id=\"approve\"", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/me", callback.Headers.Location!.OriginalString);
        Assert.Equal($"{site.Qq.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0)}|小明", await me.Content.ReadAsStringAsync());
        Assert.Equal(1, site.Qq.Emulator.GetRequestCount("/oauth2.0/token"));
    }
}

/// <summary>Return URLs over a real socket: Kestrel refuses a header with non-ASCII characters, TestServer does not.</summary>
public sealed class LoopbackReturnUrlTests
{
    [Theory]
    [InlineData("/订单/42", "/%E8%AE%A2%E5%8D%95/42")]
    [InlineData("/orders?q=订单&x=%2F", "/orders?q=%E8%AE%A2%E5%8D%95&x=%2F")]
    public async Task Login_WithANonAsciiReturnUrl_LandsOnTheEncodedPath(string returnUrl, string expected)
    {
        await using var site = await LoopbackSite.StartAsync();
        using var browser = site.NewBrowser();

        var authorize = await LoopbackSite.ChallengeAsync(browser, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var callback = await browser.GetAsync(await LoopbackSite.DecideAsync(authorize));
        using var landing = await browser.GetAsync(callback.Headers.Location!.OriginalString);
        using var me = await browser.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(expected, callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(1, site.Qq.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\r\n/evil.example")]
    public async Task Login_WithANonLocalReturnUrl_LandsOnTheRoot(string returnUrl)
    {
        await using var site = await LoopbackSite.StartAsync();
        using var browser = site.NewBrowser();

        var authorize = await LoopbackSite.ChallengeAsync(browser, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var callback = await browser.GetAsync(await LoopbackSite.DecideAsync(authorize));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task MobileCancel_OverASocket_GoesBackWithRemoteError()
    {
        await using var site = await LoopbackSite.StartAsync(options => options.Display = QqDisplay.Mobile);
        using var browser = site.NewBrowser();

        var authorize = await LoopbackSite.ChallengeAsync(browser, "/login?returnUrl=" + Uri.EscapeDataString("/订单"));
        var cancel = await LoopbackSite.DecideAsync(authorize, approve: false);
        using var callback = await browser.GetAsync(cancel);

        Assert.Equal("usercancel=1&state=" + LoginSteps.Query(authorize, "state"), cancel.Query.TrimStart('?'));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith("/%E8%AE%A2%E5%8D%95?remoteError=", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, site.Qq.Emulator.GetRequestCount("/oauth2.0/token"));
    }
}
