using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Pages;

/// <summary>The account page: the bound QQ, bind from a signed-in account, refresh, unbind.</summary>
public sealed class AccountPageTests : IAsyncLifetime
{
    private PagesSite _site = null!;

    public async Task InitializeAsync() => _site = await PagesSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task AccountPage_SignedOut_GoesToTheLoginPage()
    {
        using var browser = _site.NewBrowser();
        using var response = await browser.GetAsync("/qqconnect/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Identity/Account/Login?ReturnUrl=", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_ShowsTheBoundQq_AndHidesUnbind_WhenQqIsTheOnlyLogin()
    {
        using var browser = _site.NewBrowser();
        await _site.QqLoginAndCreateAsync(browser);

        var page = await browser.PageAsync("/qqconnect/account");
        Assert.Equal("小明", TestBrowser.Text(page, "qq-nickname"));
        Assert.NotNull(TestBrowser.Attribute(page, "qq-avatar", "src"));
        Assert.NotNull(TestBrowser.Text(page, "qq-bound-at"));
        Assert.DoesNotContain("id=\"qq-unbind\"", page, StringComparison.Ordinal);
        Assert.NotNull(TestBrowser.Text(page, "qq-unbind-hint"));

        // A forged unbind (the form is not shown, but the token is the page's) is refused and changes nothing.
        var (_, token) = TestBrowser.FindForm(page, "qq-refresh");
        using var unbind = await browser.PostAsync("/qqconnect/account/unbind", token);
        Assert.Equal(HttpStatusCode.Redirect, unbind.StatusCode);
        Assert.Equal("/qqconnect/account?m=unbind-refused", unbind.Headers.Location!.OriginalString);
        var after = await browser.PageAsync("/qqconnect/account?m=unbind-refused");
        Assert.Equal("小明", TestBrowser.Text(after, "qq-nickname"));
        Assert.Equal("unbind-refused", TestBrowser.Attribute(after, "message", "data-code"));
    }

    [Fact]
    public async Task SignedInAccount_BindsQq_ThenUnbinds()
    {
        await _site.CreateLocalUserAsync("erin");
        using var browser = _site.NewBrowser();
        await SignInAsync(browser, "erin");

        var page = await browser.PageAsync("/qqconnect/account");
        Assert.NotNull(TestBrowser.Text(page, "qq-none"));
        using var challenge = await browser.SubmitAsync("/qqconnect/account", "qq-bind-QQ", ("scheme", "QQ"));
        using var callback = await _site.FollowQqAsync(browser, challenge, userIndex: 2);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/qqconnect/account?m=bound", callback.Headers.Location!.OriginalString);

        var bound = await browser.PageAsync("/qqconnect/account?m=bound");
        Assert.Equal("企鹅🐧 \"Tester\"", TestBrowser.Text(bound, "qq-nickname"));
        Assert.Equal("erin", TestBrowser.Text(bound, "user-name"));

        using var unbind = await browser.SubmitAsync("/qqconnect/account", "qq-unbind");
        Assert.Equal("/qqconnect/account?m=unbound", unbind.Headers.Location!.OriginalString);
        var unbound = await browser.PageAsync("/qqconnect/account?m=unbound");
        Assert.NotNull(TestBrowser.Text(unbound, "qq-none"));
        Assert.Equal("erin", await _site.WhoAmIAsync(browser));
        var logins = await _site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            return await users.GetLoginsAsync((await users.FindByNameAsync("erin"))!);
        });
        Assert.Empty(logins);
    }

    [Fact]
    public async Task TemplatesLinkLogin_BindsTheQq_AndGoesBackToTheManagePage()
    {
        await _site.CreateLocalUserAsync("grace");
        using var browser = _site.NewBrowser();
        await SignInAsync(browser, "grace");

        using var challenge = await browser.GetAsync("/template/link-login");
        using var callback = await _site.FollowQqAsync(browser, challenge, userIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/Identity/Account/Manage/ExternalLogins", callback.Headers.Location!.OriginalString);
        var page = await browser.PageAsync("/qqconnect/account");
        Assert.Equal("小红", TestBrowser.Text(page, "qq-nickname"));
        Assert.Equal("grace", await _site.WhoAmIAsync(browser));
    }

    [Fact]
    public async Task Callback_SignedInWithoutStartingABind_BindsNothing()
    {
        await _site.CreateLocalUserAsync("frank");
        using var browser = _site.NewBrowser();
        await SignInAsync(browser, "frank");

        // A QQ login this account did not start from its account page (no XSRF key for it): nothing is bound.
        using var callback = await _site.QqLoginAsync(browser);
        Assert.Equal("/qqconnect/account?m=bind-not-started-here", callback.Headers.Location!.OriginalString);
        var page = await browser.PageAsync("/qqconnect/account");
        Assert.NotNull(TestBrowser.Text(page, "qq-none"));
    }

    [Fact]
    public async Task Refresh_ReadsTheProfileFromQqAgain()
    {
        using var browser = _site.NewBrowser();
        await _site.QqLoginAndCreateAsync(browser);
        var before = _site.Emulator.GetRequestCount("/user/get_user_info");

        using var refresh = await browser.SubmitAsync("/qqconnect/account", "qq-refresh");
        Assert.Equal("/qqconnect/account?m=refreshed", refresh.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, _site.Emulator.GetRequestCount("/user/get_user_info"));
    }

    [Fact]
    public async Task Refresh_WithoutSavedTokens_AsksForAQqLoginAgain()
    {
        using var browser = _site.NewBrowser();
        var userName = await _site.QqLoginAndCreateAsync(browser);
        // The saved QQ tokens are gone (say, the Data Protection keys were lost): only a new QQ login saves new ones.
        await _site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PagesDb>();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        });

        using var refresh = await browser.SubmitAsync("/qqconnect/account", "qq-refresh");
        Assert.Equal("/qqconnect/account?m=qq-login-required", refresh.Headers.Location!.OriginalString);
    }

    private static async Task SignInAsync(TestBrowser browser, string userName)
    {
        // The site has no login form of its own: the test signs in through a QQ-free path, Identity's password check.
        using var response = await browser.GetAsync("/test/sign-in?userName=" + userName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
