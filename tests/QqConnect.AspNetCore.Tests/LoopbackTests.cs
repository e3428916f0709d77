using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore.Tests.Infrastructure;
using QqConnect.Emulator;

namespace QqConnect.AspNetCore.Tests;

/// <summary>The whole login over real loopback sockets: the site on Kestrel, the emulator server, and the emulator's HTML form posted back.</summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task Login_OverLoopbackSockets_SignsIn()
    {
        await using var qq = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(options =>
            {
                options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                options.BaseAddress = qq.BaseAddress;
                // Plain http on loopback: the login cookies cannot be Secure-only here.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        await using var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, ["QQ"]));
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text(user.FindFirstValue(ClaimTypes.NameIdentifier) + "|" + user.Identity.Name)
            : Results.Unauthorized());
        await app.StartAsync();
        var site = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        using var browser = new TestBrowser(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }, site);

        // The site sends the browser to the emulator over sockets; the user approves on its HTML form.
        using var challenge = await browser.GetAsync("/login");
        var authorize = challenge.Headers.Location!;
        using var page = await browser.GetAsync(authorize);
        var pageHtml = await page.Content.ReadAsStringAsync();
        var form = LoginSteps.Query(authorize, "state") is { } state
            ? new Dictionary<string, string>
            {
                ["response_type"] = "code",
                ["client_id"] = LoginSteps.Query(authorize, "client_id")!,
                ["redirect_uri"] = LoginSteps.Query(authorize, "redirect_uri")!,
                ["state"] = state,
                ["user"] = "0",
                ["decision"] = "approve",
            }
            : throw new InvalidOperationException("no state");
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        using var callback = await browser.GetAsync(approved.Headers.Location!);
        using var me = await browser.GetAsync("/me");

        Assert.Equal(authorize.GetLeftPart(UriPartial.Authority) + "/", qq.BaseAddress.AbsoluteUri);
        Assert.Contains("id=\"approve\"", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/me", callback.Headers.Location!.OriginalString);
        Assert.Equal($"{qq.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0)}|小明", await me.Content.ReadAsStringAsync());
        Assert.Equal(1, qq.Emulator.GetRequestCount("/oauth2.0/token"));
        await app.StopAsync();
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
