using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>
/// Every challenge leaves a correlation cookie on the callback path: the return URL and the stored properties are
/// capped, and at most three logins are pending per browser, so the callback's Cookie header stays small.
/// </summary>
public sealed class PendingLoginTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string CorrelationPrefix = ".AspNetCore.Correlation.";

    private static List<System.Net.Cookie> CorrelationCookies(TestBrowser browser) =>
        browser.CookiesFor("/signin-qq").Where(c => c.Name.StartsWith(CorrelationPrefix, StringComparison.Ordinal) && c.Name.Length == CorrelationPrefix.Length + 22).ToList();

    [Fact]
    public async Task TenChallenges_LeaveAtMostThreePendingLogins()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var states = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            states.Add(LoginSteps.Query(await LoginSteps.ChallengeAsync(browser), "state")!);
        }

        var pending = CorrelationCookies(browser).Select(c => c.Name[CorrelationPrefix.Length..]).Order().ToList();
        Assert.Equal(states[^3..].Order().ToList(), pending);
    }

    [Fact]
    public async Task LoginStartedInTabA_StillCompletesAfterTwoMoreChallenges()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var tabA = await LoginSteps.ChallengeAsync(browser);
        await LoginSteps.ChallengeAsync(browser);
        await LoginSteps.ChallengeAsync(browser);

        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(tabA));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
        Assert.Empty(site.Failures);
    }

    [Fact]
    public async Task LoginStartedInTabA_AfterThreeMoreChallenges_IsTheOneDropped()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var tabA = await LoginSteps.ChallengeAsync(browser);
        for (var i = 0; i < 3; i++)
        {
            await LoginSteps.ChallengeAsync(browser);
        }

        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(tabA));

        Assert.Contains("correlation cookie is missing", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task CompletedLogin_LeavesNoLoginCookieBehind()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.DoesNotContain(browser.CookiesFor("/signin-qq"), c => c.Name.StartsWith(CorrelationPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(browser.CookiesFor("/"), c => c.Name.StartsWith(CorrelationPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReturnUrlOver1024CharactersEncoded_IsRefusedWith400AndNoCookie()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var returnUrl = "/me?q=" + string.Concat(Enumerable.Repeat("你", 114)); // 6 + 114 × 9 = 1,032 characters encoded

        using var response = await browser.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("return URL", body, StringComparison.Ordinal);
        Assert.Contains("1024", body.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Empty(CorrelationCookies(browser));
    }

    [Fact]
    public async Task ReturnUrlOf1024CharactersEncoded_LogsIn()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var returnUrl = "/me?q=" + string.Concat(Enumerable.Repeat("你", 113)) + new string('x', 1); // 6 + 1,017 + 1 = 1,024

        var (authorize, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(22, LoginSteps.Query(authorize, "state")!.Length);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1024, response.Headers.Location!.OriginalString.Length);
    }

    [Fact]
    public async Task CallersOwnPropertiesTooLarge_AreRefusedWith400NamingWhatToShorten()
    {
        await using var site = await TestSite.StartAsync(configureApp: app => app.MapGet("/login-items", () =>
        {
            var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/me" };
            properties.Items["big"] = new string('a', 3_000);
            return Results.Challenge(properties, ["QQ"]);
        }));
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/login-items");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AuthenticationProperties", body, StringComparison.Ordinal);
        Assert.Contains("Items", body, StringComparison.Ordinal);
        Assert.Empty(CorrelationCookies(browser));
    }

    [Fact]
    public async Task HundredChallengesInOneJar_ThenALoginCompletesOverASocket_WithASmallCookieHeader()
    {
        await using var site = await LoopbackSite.StartAsync();
        using var browser = site.NewBrowser();
        var returnUrl = "/me?q=" + new string('x', 1_018); // the longest return URL kept: 1,024 characters
        for (var i = 0; i < 100; i++)
        {
            await LoopbackSite.ChallengeAsync(browser, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var authorize = await LoopbackSite.ChallengeAsync(browser);
        using var callback = await browser.GetAsync(await LoopbackSite.DecideAsync(authorize));
        using var me = await browser.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/me", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var cookieHeader = Assert.Single(site.CallbackCookieHeaderLengths);
        output.WriteLine($"Cookie header of the callback: {cookieHeader} characters");
        Assert.True(cookieHeader < 7 * 1024, $"Cookie header of the callback is {cookieHeader} characters"); // the bound docs/aspnetcore.md states
    }
}
