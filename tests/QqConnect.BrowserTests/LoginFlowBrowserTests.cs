using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace QqConnect.BrowserTests;

/// <summary>QQ login in a real browser: the sample in demo mode, the emulator's authorize page, and back.</summary>
public sealed partial class LoginFlowBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Uri Site => fixture.Sample.BaseAddress;

    [SkippableFact]
    public async Task Approve_LandsOnProfileOfChosenUser_ThenRefreshAndLogout()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync(Site.AbsoluteUri);
            await page.ClickAsync("#qq-login");

            // The emulator's authorize page: pick 小明 and approve.
            await page.WaitForSelectorAsync("#approve");
            Assert.Contains("/oauth2.0/authorize", page.Url, StringComparison.Ordinal);
            await page.CheckAsync("#user-0");
            await page.ClickAsync("#approve");

            await page.ArriveAsync(new Uri(Site, "/profile"), "#nickname");
            Assert.Equal("小明", await page.InnerTextAsync("#nickname"));
            Assert.Equal("男", await page.InnerTextAsync("#gender"));
            Assert.Equal("广东 深圳", await page.InnerTextAsync("#location"));
            Assert.Matches(OpenIdPattern(), await page.InnerTextAsync("#openid"));
            Assert.Contains("/qlogo/", await page.GetAttributeAsync("#avatar", "src"), StringComparison.Ordinal);
            await page.AssertImageLoadsAsync("avatar");

            // No secret in the page; the login cookie is gone, the session cookie is HttpOnly.
            var html = await page.ContentAsync();
            Assert.DoesNotContain("emulator-app-key", html, StringComparison.Ordinal);
            Assert.DoesNotContain("access_token", html, StringComparison.Ordinal);
            var cookies = await page.Context.CookiesAsync();
            Assert.DoesNotContain(cookies, cookie => cookie.Name == "qqsample.login");
            var session = Assert.Single(cookies, cookie => cookie.Name == "qqsample.auth");
            Assert.True(session.HttpOnly);
            Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

            // Refresh the access token (the refresh token rotates), twice.
            for (var i = 0; i < 2; i++)
            {
                await page.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
                await page.ClickAsync("#refresh");
                var result = await page.InnerTextAsync("#refresh-result");
                Assert.StartsWith("Token refreshed, expires at ", result, StringComparison.Ordinal);
            }

            // Log out: the profile asks for a login again.
            await page.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
            await page.ClickAsync("#logout");
            await page.WaitForSelectorAsync("#qq-login");
            await page.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
            await page.WaitForSelectorAsync("#qq-login");
            Assert.DoesNotContain("/profile", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Approve_NicknameWithEmojiAndQuotes_IsShownAsText()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            // Start where a signed-out user would: the protected page sends them home with a return URL.
            await page.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
            await page.ClickAsync("#qq-login");
            await page.CheckAsync("#user-2");
            await page.ClickAsync("#approve");

            await page.ArriveAsync(new Uri(Site, "/profile"), "#nickname");
            Assert.Equal("企鹅🐧 \"Tester\"", await page.InnerTextAsync("#nickname"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Deny_ShowsErrorPageWithQqErrorCode()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync(Site.AbsoluteUri);
            await page.ClickAsync("#qq-login");
            await page.ClickAsync("#deny");

            await page.WaitForSelectorAsync("#error-code");
            Assert.Equal("100030", await page.InnerTextAsync("#error-code"));
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#error-advice")));
            Assert.StartsWith(new Uri(Site, "/signin-qq").AbsoluteUri, page.Url, StringComparison.Ordinal);

            // Not signed in.
            await page.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
            await page.WaitForSelectorAsync("#qq-login");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task CallbackFromAnotherBrowser_IsRejectedAsLoginCsrf()
    {
        // The attacker approves a login in their own browser and keeps the callback URL instead of following it.
        // (Playwright does not route redirects, so the approval's 302 is fetched here and its Location kept.)
        var attacker = await fixture.NewPageAsync();
        var victim = await fixture.NewPageAsync();
        try
        {
            var callbackUrl = new TaskCompletionSource<string>();
            await attacker.RouteAsync(url => new Uri(url).AbsolutePath == "/oauth2.0/authorize", async route =>
            {
                if (route.Request.Method != "POST")
                {
                    await route.ContinueAsync();
                    return;
                }

                var approval = await route.FetchAsync(new() { MaxRedirects = 0 });
                callbackUrl.TrySetResult(approval.Headers["location"]);
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "callback kept" });
            });
            await attacker.GotoAsync(Site.AbsoluteUri);
            await attacker.ClickAsync("#qq-login");
            await attacker.ClickAsync("#approve");
            var url = await callbackUrl.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Contains("code=", url, StringComparison.Ordinal);

            // The victim has started a login of their own (so has a login cookie), then is sent the attacker's callback.
            await victim.GotoAsync(Site.AbsoluteUri);
            await victim.ClickAsync("#qq-login");
            await victim.WaitForSelectorAsync("#approve");
            await victim.GotoAsync(url);

            Assert.Equal("BindingMismatch", await victim.InnerTextAsync("#state-failure"));
            await victim.GotoAsync(new Uri(Site, "/profile").AbsoluteUri);
            await victim.WaitForSelectorAsync("#qq-login");
        }
        finally
        {
            await attacker.Context.CloseAsync();
            await victim.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Callback_WithoutLoginCookie_IsRejectedBeforeTheCodeIsUsed()
    {
        using var http = new HttpClient { BaseAddress = Site };
        using var response = await http.GetAsync(new Uri("/signin-qq?code=0123456789ABCDEF0123456789ABCDEF&state=forged", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"state-failure\">Missing<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789ABCDEF0123456789ABCDEF", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9A-F]{32}$")]
    private static partial Regex OpenIdPattern();
}
