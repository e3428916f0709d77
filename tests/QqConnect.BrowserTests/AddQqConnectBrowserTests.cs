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
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.BrowserTests;

/// <summary>QQ login with <c>AddQqConnect()</c> in Chromium: a small site on Kestrel, the emulator server's authorize page.</summary>
public sealed class AddQqConnectBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Approve_OnQqsPage_SignsInThroughTheHandler_AndShowsTheNickname()
    {
        var page = await fixture.NewPageAsync();
        await using var qq = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
        await using var site = await StartSiteAsync(qq.BaseAddress);
        try
        {
            await page.GotoAsync(new Uri(site.Address, "/").AbsoluteUri);
            await page.ClickAsync("#qq-login");

            await page.WaitForSelectorAsync("#approve");
            Assert.StartsWith(qq.BaseAddress.AbsoluteUri + "oauth2.0/authorize?", page.Url, StringComparison.Ordinal);
            await page.CheckAsync("#user-0");
            await page.ClickAsync("#approve");

            await page.ArriveAsync(new Uri(site.Address, "/"), "#nickname");
            Assert.True(await page.IsVisibleAsync("#nickname"), "not signed in; the page shows: " + await page.ContentAsync());
            Assert.Equal(new Uri(site.Address, "/").AbsoluteUri, page.Url);
            Assert.Equal("小明", await page.InnerTextAsync("#nickname"));
            Assert.Equal(qq.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), await page.InnerTextAsync("#openid"));
            var cookies = await page.Context.CookiesAsync();
            Assert.DoesNotContain(cookies, cookie => cookie.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
            Assert.Equal(1, qq.Emulator.GetRequestCount("/oauth2.0/token"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<Site> StartSiteAsync(Uri qqBaseAddress)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(options =>
            {
                options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                options.BaseAddress = qqBaseAddress;
                // Plain http on loopback: the login cookies cannot be Secure-only here, and Chromium drops a
                // SameSite=None cookie (the correlation cookie's default) that is not Secure.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", (ClaimsPrincipal user) => Results.Content(
            user.Identity?.IsAuthenticated == true
                ? $"<p>你好 <span id=\"nickname\">{WebUtility.HtmlEncode(user.Identity.Name)}</span> <code id=\"openid\">{WebUtility.HtmlEncode(user.FindFirstValue(ClaimTypes.NameIdentifier))}</code></p>"
                : "<a id=\"qq-login\" href=\"/login\">QQ登录</a>",
            "text/html; charset=utf-8"));
        app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [QqConnectAuthenticationDefaults.AuthenticationScheme]));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Site(app, new Uri(address + "/"));
    }

    private sealed class Site(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
