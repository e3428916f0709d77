using System.Net;
using Microsoft.EntityFrameworkCore;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>The account page's forms answer with a redirect back to it and a message (post-redirect-get), and offer only what would work.</summary>
public sealed class AccountPageTests : SiteTest
{
    [Fact]
    public async Task SetPassword_TooWeak_RedirectsBackWithTheRules_AndSetsNothing()
    {
        using var browser = Site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);

        using var weak = await browser.SubmitAsync("/account", "set-password", ("newPassword", "short"));

        Assert.Equal(HttpStatusCode.Redirect, weak.StatusCode);
        Assert.Equal("/account?m=password-rejected", weak.Headers.Location!.OriginalString);
        var page = await browser.PageAsync("/account?m=password-rejected");
        Assert.Contains("<p class=\"error\">密码不符合要求：至少8个字符", page, StringComparison.Ordinal);
        Assert.Equal("/account/password", TestBrowser.Attribute(page, "set-password", "action"));
        await using var db = Site.OpenDatabase();
        Assert.Null((await db.Users.SingleAsync()).PasswordHash);
    }

    [Fact]
    public async Task SetPassword_FromAnOlderPage_WhenOneIsSetAlready_SaysSo()
    {
        using var browser = Site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);
        var (action, token) = TestBrowser.FindForm(await browser.PageAsync("/account"), "set-password");
        using (var first = await browser.PostAsync(action, token, ("newPassword", Flows.Password)))
        {
            Assert.Equal("/account?m=password", first.Headers.Location!.OriginalString);
        }

        using var second = await browser.PostAsync(action, TestBrowser.FindForm(await browser.PageAsync("/account"), "qq-refresh").Token, ("newPassword", "another password 2"));

        Assert.Equal("/account?m=password-exists", second.Headers.Location!.OriginalString);
        Assert.Contains("此账号已有密码", await browser.PageAsync("/account?m=password-exists"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnbindButton_OfferedOnlyWhenUnbindingWouldWork()
    {
        using var browser = Site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);

        var qqOnly = await browser.PageAsync("/account");
        Assert.Null(TestBrowser.Attribute(qqOnly, "qq-unbind", "action"));
        Assert.NotNull(TestBrowser.Text(qqOnly, "unbind-needs-password"));

        using (await browser.SubmitAsync("/account", "set-password", ("newPassword", Flows.Password)))
        {
        }

        var withPassword = await browser.PageAsync("/account");
        Assert.Equal("/account/qq/unbind", TestBrowser.Attribute(withPassword, "qq-unbind", "action"));
        Assert.Null(TestBrowser.Text(withPassword, "unbind-needs-password"));
    }

    [Fact]
    public async Task Refresh_WithoutSavedTokens_RedirectsBackWithTheHintToLogInWithQqAgain()
    {
        using var browser = Site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);
        await using (var db = Site.OpenDatabase())
        {
            db.UserTokens.RemoveRange(await db.UserTokens.ToListAsync());
            await db.SaveChangesAsync();
        }

        using var refresh = await browser.SubmitAsync("/account", "qq-refresh");

        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        Assert.Equal("/account?m=refresh-failed", refresh.Headers.Location!.OriginalString);
        Assert.Contains("<p class=\"error\">无法从QQ更新资料，请重新用QQ登录。", await browser.PageAsync("/account?m=refresh-failed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMessageKey_ShowsNoMessage()
    {
        using var browser = Site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);

        var page = await browser.PageAsync("/account?m=%3Cscript%3E");

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"error\"", page, StringComparison.Ordinal);
    }
}
