using Microsoft.Playwright;
using Xunit.Abstractions;

namespace QqConnect.BrowserTests;

/// <summary>
/// The account-binding sample (Identity + AddQqConnect()) in Chromium against its built-in emulator: create an account
/// from QQ, bind QQ to an existing account, unbind. Each test uses its own fake QQ user.
/// </summary>
public sealed class AccountBindingBrowserTests(IdentitySampleFixture fixture, ITestOutputHelper output) : IClassFixture<IdentitySampleFixture>
{
    private const string Password = "browser-pass-1";

    private Uri Site => fixture.Sample.BaseAddress;

    // Arriving on a page is waited for by its URL and then an element only that page has, both polled: not by the
    // page's load events. Waiting for the load event timed out when a QQ avatar from the emulator held it on a loaded
    // machine, and waiting for DOMContentLoaded after a redirect chain timed out twice in CI with the browser already
    // on the page (Playwright saw "networkidle" but not the event it waited for). The avatar has its own wait.
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };
    private static readonly PageWaitForSelectorOptions ElementWait = new() { Timeout = 30_000 };

    private async Task ArriveAsync(IPage page, string pathAndQuery, string selector)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Site, pathAndQuery).AbsoluteUri, UrlWait);
        await page.WaitForSelectorAsync(selector, ElementWait);
    }

    [SkippableFact]
    public async Task Register_SignOut_QqLogin_BindPage_CreateAccount_AccountPageShowsTheQq()
    {
        await InBrowserAsync(async page =>
        {
            await RegisterAsync(page, "dora");
            await page.ClickAsync("#logout button");
            await page.WaitForSelectorAsync("#qq-login");

            await QqLoginAsync(page, userIndex: 0);
            await ArriveAsync(page, "/qq/bind", "#create-account");
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            await AssertAvatarLoadsAsync(page);
            Assert.Equal("小明", await page.InputValueAsync("#userName"));
            Assert.DoesNotContain("?", page.Url, StringComparison.Ordinal);

            await page.ClickAsync("#create-account button");
            await ArriveAsync(page, "/account", "#user-name");
            Assert.Equal("小明", await page.InnerTextAsync("#user-name"));
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#qq-unionid")));
            await AssertAvatarLoadsAsync(page);
            var cookies = await page.Context.CookiesAsync();
            Assert.DoesNotContain(cookies, cookie => cookie.Name == "Identity.External");
        });
    }

    [SkippableFact]
    public async Task QqLogin_BindPage_SignInToExistingAccount_BindsTheQq()
    {
        await InBrowserAsync(async page =>
        {
            await RegisterAsync(page, "erin");
            await page.ClickAsync("#logout button");

            await QqLoginAsync(page, userIndex: 1);
            await ArriveAsync(page, "/qq/bind", "#create-account");
            Assert.Equal("小红", await page.InnerTextAsync("#qq-nickname"));
            await page.FillAsync("#existingUserName", "erin");
            await page.FillAsync("#password", Password);
            await page.ClickAsync("#bind-existing button");

            await ArriveAsync(page, "/account?m=bound", "#qq-nickname");
            Assert.Equal("erin", await page.InnerTextAsync("#user-name"));
            Assert.Equal("小红", await page.InnerTextAsync("#qq-nickname"));
        });
    }

    [SkippableFact]
    public async Task BindFromAccountPage_ThenUnbind_LeavesThePasswordAccount()
    {
        await InBrowserAsync(async page =>
        {
            await RegisterAsync(page, "frank");
            await page.GotoAsync(new Uri(Site, "/account").AbsoluteUri);
            await page.ClickAsync("#qq-bind button");
            await page.WaitForSelectorAsync("#approve");
            await page.CheckAsync("#user-2");
            await page.ClickAsync("#approve");
            await ArriveAsync(page, "/account?m=bound", "#qq-nickname");
            Assert.Equal("企鹅🐧 \"Tester\"", await page.InnerTextAsync("#qq-nickname"));

            await page.ClickAsync("#qq-unbind button");
            await ArriveAsync(page, "/account?m=unbound", "#qq-none");
            Assert.True(await page.IsVisibleAsync("#qq-none"));
            Assert.Equal("frank", await page.InnerTextAsync("#user-name"));
        });
    }

    private async Task RegisterAsync(IPage page, string userName)
    {
        await page.GotoAsync(new Uri(Site, "/register").AbsoluteUri);
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#register-form button");
        await ArriveAsync(page, "/account", "#user-name");
        await page.GotoAsync(Site.AbsoluteUri);
    }

    private async Task QqLoginAsync(IPage page, int userIndex)
    {
        await page.ClickAsync("#qq-login");
        await page.WaitForSelectorAsync("#approve");
        Assert.Contains("/oauth2.0/authorize", page.Url, StringComparison.Ordinal);
        await page.CheckAsync($"#user-{userIndex}");
        await page.ClickAsync("#approve");
    }

    /// <summary>
    /// Runs <paramref name="steps"/> in a fresh browser context. A failure also writes where the browser was and what the
    /// sample printed to the test output (a timeout alone does not say which page the login ended on).
    /// </summary>
    private async Task InBrowserAsync(Func<IPage, Task> steps)
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch (Exception)
        {
            output.WriteLine($"The browser was at {page.Url}. The sample's output:\n{fixture.Sample.Output}");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The QQ avatar (an image the emulator serves) loads. It is waited for (up to 15 s), not sampled once: the check then
    /// does not depend on the navigation wait before it having covered the image's load, which a machine under load
    /// makes slow.
    /// </summary>
    private static async Task AssertAvatarLoadsAsync(IPage page)
    {
        const string Loaded = "() => { const img = document.getElementById('qq-avatar'); return !!img && img.complete && img.naturalWidth > 0; }";
        try
        {
            await page.WaitForFunctionAsync(Loaded, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                "() => { const img = document.getElementById('qq-avatar'); return img ? `src=${img.src} complete=${img.complete} naturalWidth=${img.naturalWidth}` : 'no #qq-avatar'; }");
            Assert.Fail($"The QQ avatar did not load within 15 s on {page.Url}: {state}");
        }
    }
}
