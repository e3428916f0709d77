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

    [SkippableFact]
    public async Task Register_SignOut_QqLogin_BindPage_CreateAccount_AccountPageShowsTheQq()
    {
        await InBrowserAsync(async page =>
        {
            await RegisterAsync(page, "dora");
            await page.ClickAsync("#logout button");
            await page.WaitForSelectorAsync("#qq-login");

            await QqLoginAsync(page, userIndex: 0);
            await page.ArriveAsync(new Uri(Site, "/qq/bind"), "#create-account");
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            await page.AssertImageLoadsAsync("qq-avatar");
            Assert.Equal("小明", await page.InputValueAsync("#userName"));
            Assert.DoesNotContain("?", page.Url, StringComparison.Ordinal);

            await page.ClickAsync("#create-account button");
            await page.ArriveAsync(new Uri(Site, "/account"), "#user-name");
            Assert.Equal("小明", await page.InnerTextAsync("#user-name"));
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#qq-unionid")));
            await page.AssertImageLoadsAsync("qq-avatar");
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
            await page.ArriveAsync(new Uri(Site, "/qq/bind"), "#create-account");
            Assert.Equal("小红", await page.InnerTextAsync("#qq-nickname"));
            await page.FillAsync("#existingUserName", "erin");
            await page.FillAsync("#password", Password);
            await page.ClickAsync("#bind-existing button");

            await page.ArriveAsync(new Uri(Site, "/account?m=bound"), "#qq-nickname");
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
            await page.ArriveAsync(new Uri(Site, "/account?m=bound"), "#qq-nickname");
            Assert.Equal("企鹅🐧 \"Tester\"", await page.InnerTextAsync("#qq-nickname"));

            await page.ClickAsync("#qq-unbind button");
            await page.ArriveAsync(new Uri(Site, "/account?m=unbound"), "#qq-none");
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
        await page.ArriveAsync(new Uri(Site, "/account"), "#user-name");
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

}
