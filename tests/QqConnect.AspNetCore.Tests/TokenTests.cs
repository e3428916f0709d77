using System.Net;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>SaveTokens and the refresh helper.</summary>
public sealed class TokenTests
{
    private static async Task<Dictionary<string, string>> TokensAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync("/tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    [Fact]
    public async Task SaveTokens_StoresAccessRefreshAndExpiry()
    {
        await using var site = await TestSite.StartAsync(options => options.SaveTokens = true);
        using var browser = site.NewBrowser();
        var before = DateTimeOffset.UtcNow;

        await LoginSteps.LoginAsync(browser, site.Emulator);
        var tokens = await TokensAsync(browser);

        Assert.Matches("^[0-9A-F]{32}$", tokens["access_token"]);
        Assert.Matches("^[0-9A-F]{32}$", tokens["refresh_token"]);
        var expiresAt = DateTimeOffset.Parse(tokens["expires_at"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt, before.AddSeconds(7_776_000 - 5), DateTimeOffset.UtcNow.AddSeconds(7_776_000 + 5));
    }

    [Fact]
    public async Task WithoutSaveTokens_NoTokenIsKept()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator);
        var tokens = await TokensAsync(browser);

        Assert.Equal("", tokens["access_token"]);
        Assert.Equal("", tokens["refresh_token"]);
    }

    [Fact]
    public async Task Refresh_ReplacesTheSavedTokensAtOnce_SoEachRefreshTokenIsUsedOnce()
    {
        await using var site = await TestSite.StartAsync(options => options.SaveTokens = true);
        using var browser = site.NewBrowser();
        await LoginSteps.LoginAsync(browser, site.Emulator);
        var first = await TokensAsync(browser);

        using (var refreshed = await browser.GetAsync("/refresh"))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }

        var second = await TokensAsync(browser);
        using (var again = await browser.GetAsync("/refresh"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var third = await TokensAsync(browser);

        Assert.NotEqual(first["refresh_token"], second["refresh_token"]);
        Assert.NotEqual(first["access_token"], second["access_token"]);
        Assert.NotEqual(second["refresh_token"], third["refresh_token"]);
        Assert.Equal(2, site.Emulator.GetRequestCount("/oauth2.0/token") - 1);
        Assert.Equal(0, site.Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task Refresh_SchemeWithClientName_GoesThroughThatRegistration()
    {
        var emulator = new QqConnectEmulator();
        await using var site = await TestSite.StartWithClientNameAsync(emulator, configureScheme: options => options.SaveTokens = true);
        using var browser = site.NewBrowser();
        await LoginSteps.LoginAsync(browser, site.Emulator);
        var before = await TokensAsync(browser);

        using (var refreshed = await browser.GetAsync("/refresh"))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }

        var after = await TokensAsync(browser);
        Assert.NotEqual(before["refresh_token"], after["refresh_token"]);
        Assert.Equal(2, emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task Refresh_WithoutSavedTokens_SaysToTurnOnSaveTokens()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        await LoginSteps.LoginAsync(browser, site.Emulator);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("/refresh"));

        Assert.Contains("SaveTokens", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task Refresh_WhenQqRefusesTheRefreshToken_ThrowsItsCodeAndKeepsTheSession()
    {
        await using var site = await TestSite.StartAsync(options => options.SaveTokens = true);
        using var browser = site.NewBrowser();
        await LoginSteps.LoginAsync(browser, site.Emulator);
        site.Emulator.Reset(); // QQ forgets the tokens: the saved refresh token is now unknown

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => browser.GetAsync("/refresh"));
        using var me = await browser.GetAsync("/me");

        Assert.Equal(100021, error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
