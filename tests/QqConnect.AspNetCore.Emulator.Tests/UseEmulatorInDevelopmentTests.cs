using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QqConnect.AspNetCore.Emulator.Tests;

/// <summary>UseEmulatorInDevelopment(): a whole QQ login against the site's own emulator in Development, nothing elsewhere.</summary>
public sealed class UseEmulatorInDevelopmentTests
{
    [Fact]
    public async Task Development_NothingConfigured_CompletesAQqLoginThroughTheEmulatorUnderTheSitesPath()
    {
        await using var site = await DevelopmentSite.StartAsync("Development");
        using var browser = site.NewBrowser();

        var login = await DevelopmentSite.LoginAsync(browser, userIndex: 1);

        Assert.Equal("https://localhost/qqconnect-emulator/oauth2.0/authorize", login.Authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://localhost/qqconnect-emulator/oauth2.0/authorize", login.FormAction.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=" + QqConnectEmulatorOptions.DefaultAppId, login.Authorize.Query, StringComparison.Ordinal);
        Assert.Equal("https://localhost/signin-qq", login.Callback.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.Redirect, login.SignedIn.StatusCode);
        Assert.Equal("/me", login.SignedIn.Headers.Location!.OriginalString);
        var claims = await browser.ClaimsAsync();
        Assert.Equal("小红", Assert.Single(claims[ClaimTypes.Name]));
        Assert.Equal(new QqConnectEmulator().GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 1), Assert.Single(claims[ClaimTypes.NameIdentifier]));
    }

    [Fact]
    public async Task Development_OverPlainHttpOnLocalhost_TheLoginCompletes_BecauseTheCorrelationCookieFollowsTheRequest()
    {
        // dotnet run starts the templates' "http" profile first; browsers that refuse Secure cookies over http (Safari)
        // must still get through the emulator's login.
        await using var site = await DevelopmentSite.StartAsync("Development", baseAddress: new Uri("http://localhost:5000/"));
        using var browser = site.NewBrowser();

        var login = await DevelopmentSite.LoginAsync(browser);

        Assert.Equal("http://localhost:5000/qqconnect-emulator/oauth2.0/authorize", login.Authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.Redirect, login.SignedIn.StatusCode);
        Assert.Equal("/me", login.SignedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Development_SiteWithUsePathBase_TheBrowserIsSentWhereTheEmulatorIsServed()
    {
        // The emulator is mapped ahead of the app's own middleware, so ahead of its UsePathBase: it answers at the
        // server's path base, and the challenge and avatars point there, while the callback keeps the app's path base.
        await using var site = await DevelopmentSite.StartAsync("Development", baseAddress: new Uri("https://localhost/"), configureFirst: app =>
        {
            app.UsePathBase("/app");
            app.UseRouting();
        });
        using var browser = site.NewBrowser();

        var login = await DevelopmentSite.LoginAsync(browser, "/app/login");

        Assert.Equal("https://localhost/qqconnect-emulator/oauth2.0/authorize", login.Authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://localhost/app/signin-qq", login.Callback.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.Redirect, login.SignedIn.StatusCode);
        var avatar = Assert.Single((await browser.ClaimsAsync("/app/me"))[QqConnectClaimTypes.AvatarFull]);
        Assert.StartsWith("https://localhost/qqconnect-emulator/qlogo/", avatar, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(avatar)).StatusCode);
    }

    [Fact]
    public async Task Development_ACorrelationCookiePolicySetByTheSite_IsKept()
    {
        await using var site = await DevelopmentSite.StartAsync("Development", addQq: authentication => authentication
            .AddQqConnect(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), options => options.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.None)
            .UseEmulatorInDevelopment());

        var options = site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<QqConnectAuthenticationOptions>>().Get("QQ");

        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.None, options.CorrelationCookie.SecurePolicy);
    }

    [Fact]
    public async Task Development_TheAuthorizePage_ListsTheFakeUsers_AndSaysItIsNotTheRealQq()
    {
        await using var site = await DevelopmentSite.StartAsync("Development");
        using var browser = site.NewBrowser();

        var challenge = await browser.GetAsync("/login");
        var html = await (await browser.GetAsync(challenge.Headers.Location!.AbsoluteUri)).Content.ReadAsStringAsync();

        foreach (var user in new QqConnectEmulatorOptions().Users)
        {
            Assert.Contains(WebUtility.HtmlEncode(user.Nickname), html, StringComparison.Ordinal);
        }

        Assert.Contains("not the real QQ", html, StringComparison.Ordinal);
        Assert.Contains("不是真实的QQ", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://localhost/qqconnect-emulator/qlogo/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_AvatarUrlsOfTheClaims_LoadFromTheSite()
    {
        await using var site = await DevelopmentSite.StartAsync("Development");
        using var browser = site.NewBrowser();

        await DevelopmentSite.LoginAsync(browser);
        var avatar = Assert.Single((await browser.ClaimsAsync())[QqConnectClaimTypes.AvatarFull]);

        Assert.StartsWith("https://localhost/qqconnect-emulator/qlogo/", avatar, StringComparison.Ordinal);
        var image = await browser.GetAsync(avatar);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Development_RequestUnionId_UsesTheEmulatorsUnionIdApp()
    {
        await using var site = await DevelopmentSite.StartAsync("Development", new Dictionary<string, string?> { ["QqConnect:RequestUnionId"] = "true" });
        using var browser = site.NewBrowser();

        var login = await DevelopmentSite.LoginAsync(browser);

        Assert.Contains("client_id=" + QqConnectEmulatorOptions.UnionIdAppId, login.Authorize.Query, StringComparison.Ordinal);
        Assert.Single((await browser.ClaimsAsync())[QqConnectClaimTypes.UnionId]);
    }

    [Fact]
    public async Task Development_LogsAtStartThatQqLoginUsesTheEmulator()
    {
        await using var site = await DevelopmentSite.StartAsync("Development");

        var entry = Assert.Single(site.Log.Entries, entry => entry.Category == "QqConnect.AspNetCore.Emulator");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("uses the QQ Connect emulator at /qqconnect-emulator, not the real QQ", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_OtherSchemeName_IsPointedAtTheEmulator()
    {
        await using var site = await DevelopmentSite.StartAsync("Development", addQq: authentication => authentication
            .AddQqConnect("QQ-web", new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .UseEmulatorInDevelopment("QQ-web"));
        using var browser = site.NewBrowser();

        var login = await DevelopmentSite.LoginAsync(browser, "/login?scheme=QQ-web");

        Assert.Equal(HttpStatusCode.Redirect, login.SignedIn.StatusCode);
        Assert.Single((await browser.ClaimsAsync())[ClaimTypes.NameIdentifier]);
    }

    [Fact]
    public async Task Development_AppIdAndKeyConfigured_TheSchemeIsLeftAsConfigured_AndTheEmulatorIsNotServed()
    {
        await using var site = await DevelopmentSite.StartAsync("Development", new Dictionary<string, string?>
        {
            ["QqConnect:AppId"] = "101234567",
            ["QqConnect:AppKey"] = "real-key",
        });
        using var browser = site.NewBrowser();

        var challenge = await browser.GetAsync("/login");
        var emulatorPage = await browser.GetAsync("/qqconnect-emulator/");

        Assert.Equal("https://graph.qq.com/oauth2.0/authorize", challenge.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.NotFound, emulatorPage.StatusCode);
        Assert.DoesNotContain(site.Log.Entries, entry => entry.Category == "QqConnect.AspNetCore.Emulator");
    }

    [Fact]
    public async Task Production_TheEmulatorIsNotServed_AndTheSchemeIsLeftAsConfigured()
    {
        await using var site = await DevelopmentSite.StartAsync("Production", new Dictionary<string, string?>
        {
            ["QqConnect:AppId"] = "101234567",
            ["QqConnect:AppKey"] = "real-key",
        });
        using var browser = site.NewBrowser();

        var emulatorPage = await browser.GetAsync("/qqconnect-emulator/oauth2.0/authorize?client_id=100000001&response_type=code&redirect_uri=https%3A%2F%2Flocalhost%2Fsignin-qq&state=x");
        var challenge = await browser.GetAsync("/login");

        Assert.Equal(HttpStatusCode.NotFound, emulatorPage.StatusCode);
        Assert.Equal("https://graph.qq.com/oauth2.0/authorize", challenge.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=101234567", challenge.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideDevelopment_NoAppId_FailsAtStartNamingTheKeyAndTheEnvironment(string environment)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DevelopmentSite.StartAsync(environment));

        Assert.Contains("QqConnect:AppId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseEmulatorInDevelopment() serves the QQ Connect emulator only in the Development environment, and this is '" + environment + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_TheBackChannelGoesInProcess_ToTheSameEmulatorTheSiteServes()
    {
        await using var site = await DevelopmentSite.StartAsync("Development");
        using var browser = site.NewBrowser();

        await DevelopmentSite.LoginAsync(browser);

        var emulator = site.Services.GetRequiredService<Development.SiteEmulator>().Emulator;
        Assert.Equal(1, emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(1, emulator.GetRequestCount("/user/get_user_info"));
    }
}
