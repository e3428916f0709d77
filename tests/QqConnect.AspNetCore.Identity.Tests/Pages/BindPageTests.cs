using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Pages;

/// <summary>The callback and the bind page: first login, later logins, binding an account the user has.</summary>
public sealed class BindPageTests : IAsyncLifetime
{
    private PagesSite _site = null!;

    public async Task InitializeAsync() => _site = await PagesSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task FirstQqLogin_CreateAccount_SignsInWithoutEmailOrPassword()
    {
        using var browser = _site.NewBrowser();
        using (var callback = await _site.QqLoginAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            Assert.Equal("/qqconnect/bind?returnUrl=%2F", callback.Headers.Location!.OriginalString);
        }

        var page = await browser.PageAsync("/qqconnect/bind?returnUrl=%2F");
        Assert.Equal("小明", TestBrowser.Text(page, "qq-nickname"));
        Assert.Contains("<bdi id=\"qq-nickname\">", page, StringComparison.Ordinal);
        Assert.Contains("绑定账号 Bind your account", page, StringComparison.Ordinal);
        var suggested = TestBrowser.Attribute(page, "userName", "value");
        Assert.False(string.IsNullOrEmpty(suggested));

        using var created = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "create-account", ("userName", "xiaoming"), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Headers.Location!.OriginalString);
        Assert.Equal("xiaoming", await _site.WhoAmIAsync(browser));

        var (email, hasPassword, logins) = await _site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync("xiaoming"))!;
            return (user.Email, await users.HasPasswordAsync(user), await users.GetLoginsAsync(user));
        });
        Assert.Null(email);
        Assert.False(hasPassword);
        Assert.Equal(_site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), Assert.Single(logins).ProviderKey);
    }

    [Fact]
    public async Task SecondQqLogin_SignsInDirectly_ToTheSameAccount()
    {
        using (var first = _site.NewBrowser())
        {
            await _site.QqLoginAndCreateAsync(first);
        }

        using var browser = _site.NewBrowser();
        using var callback = await _site.QqLoginAsync(browser, returnUrl: "/welcome");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/welcome", callback.Headers.Location!.OriginalString);
        Assert.NotEqual("anonymous", await _site.WhoAmIAsync(browser));
        Assert.DoesNotContain(browser.CookiesFor("/"), cookie => cookie.Name == "Identity.External");
    }

    [Fact]
    public async Task BindExisting_WithItsPassword_BindsAndSignsIn()
    {
        await _site.CreateLocalUserAsync("alice");
        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser, userIndex: 1))
        {
        }

        using var bound = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "bind-existing",
            ("existingUserName", "alice"), ("password", PagesSite.Password), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, bound.StatusCode);
        Assert.Equal("/", bound.Headers.Location!.OriginalString);
        Assert.Equal("alice", await _site.WhoAmIAsync(browser));

        // Signed out, QQ alone signs in to alice.
        using var again = _site.NewBrowser();
        using (await _site.QqLoginAsync(again, userIndex: 1))
        {
        }

        Assert.Equal("alice", await _site.WhoAmIAsync(again));
    }

    [Fact]
    public async Task BindExisting_WrongPassword_KeepsTheTypedUserName_AndThePendingLogin()
    {
        await _site.CreateLocalUserAsync("bob");
        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser))
        {
        }

        using var wrong = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "bind-existing",
            ("existingUserName", "bob"), ("password", "not-the-password"), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal("bob", TestBrowser.Attribute(html, "existingUserName", "value"));
        Assert.Contains("用户名或密码错误。 Wrong user name or password.", html, StringComparison.Ordinal);
        Assert.Equal("anonymous", await _site.WhoAmIAsync(browser));

        // The QQ login is still pending: the right password binds.
        var (action, token) = TestBrowser.FindForm(html, "bind-existing");
        using var right = await browser.PostAsync(action, token, ("existingUserName", "bob"), ("password", PagesSite.Password), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("bob", await _site.WhoAmIAsync(browser));
    }

    [Fact]
    public async Task BindExisting_AccountWithAnotherQq_IsRefused_AndKeepsThePendingLogin()
    {
        await _site.CreateLocalUserAsync("carol");
        using (var owner = _site.NewBrowser())
        {
            using (await _site.QqLoginAsync(owner, userIndex: 0))
            {
            }

            using var first = await owner.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "bind-existing",
                ("existingUserName", "carol"), ("password", PagesSite.Password), ("returnUrl", "/"));
            Assert.Equal("carol", await _site.WhoAmIAsync(owner));
        }

        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser, userIndex: 1))
        {
        }

        using var refused = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "bind-existing",
            ("existingUserName", "carol"), ("password", PagesSite.Password), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.OriginalString;
        Assert.StartsWith("/qqconnect/bind?m=account-has-another-qq", location, StringComparison.Ordinal);
        Assert.Equal("anonymous", await _site.WhoAmIAsync(browser));

        var page = await browser.PageAsync(location);
        Assert.Equal("account-has-another-qq", TestBrowser.Attribute(page, "message", "data-code"));
        Assert.Equal("小红", TestBrowser.Text(page, "qq-nickname"));
        using var created = await browser.SubmitAsync(location, "create-account", ("userName", "xiaohong"), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("xiaohong", await _site.WhoAmIAsync(browser));
    }

    [Fact]
    public async Task CreateAccount_TakenUserName_ShowsTheErrorInChineseAndEnglish()
    {
        await _site.CreateLocalUserAsync("dave");
        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser))
        {
        }

        using var taken = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "create-account", ("userName", "dave"), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var html = await taken.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode("用户名“dave”已被使用。 Username 'dave' is already taken."), html, StringComparison.Ordinal);
        Assert.Equal("dave", TestBrowser.Attribute(html, "userName", "value"));
    }

    [Fact]
    public async Task Callback_WithoutPendingLogin_GoesToTheLoginPage()
    {
        using var browser = _site.NewBrowser();
        using var callback = await browser.GetAsync("/qqconnect/callback?returnUrl=%2Fshop");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/Identity/Account/Login?m=qq-expired&ReturnUrl=%2Fshop", callback.Headers.Location!.OriginalString);
        // The message the Blazor template's login page shows (StatusMessage reads this cookie).
        var status = Assert.Single(browser.CookiesFor("/"), cookie => cookie.Name == "Identity.StatusMessage");
        Assert.StartsWith("Error: QQ登录已过期", Uri.UnescapeDataString(status.Value), StringComparison.Ordinal);

        using var bind = await browser.GetAsync("/qqconnect/bind");
        Assert.Equal(HttpStatusCode.Redirect, bind.StatusCode);
        Assert.StartsWith("/Identity/Account/Login?m=qq-expired", bind.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task NonLocalReturnUrl_IsIgnored(string returnUrl)
    {
        using (var first = _site.NewBrowser())
        {
            await _site.QqLoginAndCreateAsync(first);
        }

        using var browser = _site.NewBrowser();

        // The QQ login lands on the callback with a return URL that is not the site's: the default one is used.
        using var challenge = await browser.GetAsync("/template/external-login");
        using var afterQq = await browser.GetAsync(_site.Emulator.Authorize(challenge.Headers.Location!, 0).AbsoluteUri);
        using var callback = await browser.GetAsync("/qqconnect/callback?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        Assert.NotEqual("anonymous", await _site.WhoAmIAsync(browser));
    }

    [Fact]
    public async Task LockedOutAccount_GetsA403Page()
    {
        string userName;
        using (var first = _site.NewBrowser())
        {
            userName = await _site.QqLoginAndCreateAsync(first);
        }

        await _site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            await users.SetLockoutEnabledAsync(user, true);
            return await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(30));
        });

        using var browser = _site.NewBrowser();
        using var callback = await _site.QqLoginAsync(browser);
        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        var html = await callback.Content.ReadAsStringAsync();
        Assert.Equal("locked-out", TestBrowser.Attribute(html, "refusal", "data-reason"));
        Assert.Equal("anonymous", await _site.WhoAmIAsync(browser));
    }
}
