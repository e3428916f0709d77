using System.Net;
using Microsoft.EntityFrameworkCore;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>The bind page after a refusal or a mistake: the QQ login stays pending and what the user typed stays.</summary>
public sealed class BindPageTests : SiteTest
{
    [Fact]
    public async Task RefusedBind_KeepsThePendingQqLogin_AndShowsWhy_ThenCreatingAnAccountWorks()
    {
        using (var carol = Site.NewBrowser())
        {
            await Flows.RegisterAsync(carol, "carol");
            using var bound = await Flows.QqLoginAsync(carol, Emulator, userIndex: 0, fromAccountPage: true);
            Assert.Equal("/account?m=bound", bound.Headers.Location!.OriginalString);
        }

        using var browser = Site.NewBrowser();
        using (var callback = await Flows.QqLoginAsync(browser, Emulator, userIndex: 1))
        {
            Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        }

        using (var refused = await browser.SubmitAsync("/qq/bind", "bind-existing", ("existingUserName", "carol"), ("password", Flows.Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/qq/bind?m=account-has-qq", refused.Headers.Location!.OriginalString);
        }

        // Reloading the page it was sent to posts nothing again, and the QQ login is still there to use.
        var page = await browser.PageAsync("/qq/bind?m=account-has-qq");
        Assert.Contains("这个账号已绑定另一个QQ", page, StringComparison.Ordinal);
        Assert.Equal("小红", TestBrowser.Text(page, "qq-nickname"));
        Assert.DoesNotContain("QQ登录已过期", page, StringComparison.Ordinal);

        using var created = await browser.SubmitAsync("/qq/bind?m=account-has-qq", "create-account", ("userName", "小红"));
        Assert.Equal("/account", created.Headers.Location!.OriginalString);
        Assert.Equal("小红", TestBrowser.Text(await browser.PageAsync("/account"), "user-name"));
        await using var db = Site.OpenDatabase();
        var carolId = (await db.Users.SingleAsync(user => user.UserName == "carol")).Id;
        Assert.Equal(Emulator.GetOpenId(Site.AppId, 0), (await db.UserLogins.SingleAsync(login => login.UserId == carolId && login.LoginProvider == "QQ")).ProviderKey);
    }

    [Fact]
    public async Task WrongPassword_ShowsThePageAgain_WithTheTypedUserName()
    {
        using var browser = Site.NewBrowser();
        await Flows.RegisterAsync(browser, "alice");
        await Flows.SignOutAsync(browser);
        using (await Flows.QqLoginAsync(browser, Emulator))
        {
        }

        using var wrong = await browser.SubmitAsync("/qq/bind", "bind-existing", ("existingUserName", "alice"), ("password", "wrong password"));
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", html, StringComparison.Ordinal);
        Assert.Equal("alice", TestBrowser.Attribute(html, "existingUserName", "value"));
        Assert.Equal("", TestBrowser.Attribute(html, "password", "value"));
        Assert.DoesNotContain("wrong password", html, StringComparison.Ordinal);

        // The form of that page works as it is.
        using var bound = await browser.PostAsync("/qq/bind/existing", TestBrowser.FindForm(html, "bind-existing").Token, ("existingUserName", "alice"), ("password", Flows.Password));
        Assert.Equal("/account?m=bound", bound.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BindFromAccountPage_Refused_RedirectsToTheAccountPageWithTheReason()
    {
        await QqAccountAsync(); // 小明's QQ has its account

        using var browser = Site.NewBrowser();
        await Flows.RegisterAsync(browser, "dave");
        using var refused = await Flows.QqLoginAsync(browser, Emulator, fromAccountPage: true);

        Assert.Equal("/account?m=qq-bound-elsewhere", refused.Headers.Location!.OriginalString);
        var page = await browser.PageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("<p class=\"error\">这个QQ已绑定其他账号", page, StringComparison.Ordinal);
        Assert.NotNull(TestBrowser.Text(page, "qq-none"));
    }
}
