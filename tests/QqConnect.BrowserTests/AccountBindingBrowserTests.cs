using Microsoft.Playwright;

namespace QqConnect.BrowserTests;

/// <summary>
/// The account-binding sample (Identity + AddQqConnect()) in Chromium against its built-in emulator: create an account
/// from QQ, bind QQ to an existing account, unbind. Each test uses its own fake QQ user.
/// </summary>
public sealed class AccountBindingBrowserTests(IdentitySampleFixture fixture) : IClassFixture<IdentitySampleFixture>
{
    private const string Password = "browser-pass-1";

    private Uri Site => fixture.Sample.BaseAddress;

    [SkippableFact]
    public async Task Register_SignOut_QqLogin_BindPage_CreateAccount_AccountPageShowsTheQq()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await RegisterAsync(page, "dora");
            await page.ClickAsync("#logout button");
            await page.WaitForSelectorAsync("#qq-login");

            await QqLoginAsync(page, userIndex: 0);
            await page.WaitForURLAsync(new Uri(Site, "/qq/bind").AbsoluteUri);
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            Assert.True(await AvatarLoadedAsync(page), "the QQ avatar did not load");
            Assert.Equal("小明", await page.InputValueAsync("#userName"));
            Assert.DoesNotContain("?", page.Url, StringComparison.Ordinal);

            await page.ClickAsync("#create-account button");
            await page.WaitForURLAsync(new Uri(Site, "/account").AbsoluteUri);
            Assert.Equal("小明", await page.InnerTextAsync("#user-name"));
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#qq-unionid")));
            Assert.True(await AvatarLoadedAsync(page), "the QQ avatar did not load");
            var cookies = await page.Context.CookiesAsync();
            Assert.DoesNotContain(cookies, cookie => cookie.Name == "Identity.External");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task QqLogin_BindPage_SignInToExistingAccount_BindsTheQq()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await RegisterAsync(page, "erin");
            await page.ClickAsync("#logout button");

            await QqLoginAsync(page, userIndex: 1);
            await page.WaitForURLAsync(new Uri(Site, "/qq/bind").AbsoluteUri);
            Assert.Equal("小红", await page.InnerTextAsync("#qq-nickname"));
            await page.FillAsync("#existingUserName", "erin");
            await page.FillAsync("#password", Password);
            await page.ClickAsync("#bind-existing button");

            await page.WaitForURLAsync(new Uri(Site, "/account?m=bound").AbsoluteUri);
            Assert.Equal("erin", await page.InnerTextAsync("#user-name"));
            Assert.Equal("小红", await page.InnerTextAsync("#qq-nickname"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task BindFromAccountPage_ThenUnbind_LeavesThePasswordAccount()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await RegisterAsync(page, "frank");
            await page.GotoAsync(new Uri(Site, "/account").AbsoluteUri);
            await page.ClickAsync("#qq-bind button");
            await page.WaitForSelectorAsync("#approve");
            await page.CheckAsync("#user-2");
            await page.ClickAsync("#approve");
            await page.WaitForURLAsync(new Uri(Site, "/account?m=bound").AbsoluteUri);
            Assert.Equal("企鹅🐧 \"Tester\"", await page.InnerTextAsync("#qq-nickname"));

            await page.ClickAsync("#qq-unbind button");
            await page.WaitForURLAsync(new Uri(Site, "/account?m=unbound").AbsoluteUri);
            Assert.True(await page.IsVisibleAsync("#qq-none"));
            Assert.Equal("frank", await page.InnerTextAsync("#user-name"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task RegisterAsync(IPage page, string userName)
    {
        await page.GotoAsync(new Uri(Site, "/register").AbsoluteUri);
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#register-form button");
        await page.WaitForURLAsync(new Uri(Site, "/account").AbsoluteUri);
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

    private static Task<bool> AvatarLoadedAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const img = document.getElementById('qq-avatar'); return !!img && img.complete && img.naturalWidth > 0; }");
}
