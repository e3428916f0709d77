using System.Net;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>QQ登录 tied to the site's accounts: the site on TestServer, a real SQLite file, the in-process emulator.</summary>
public sealed class AccountBindingTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly QqConnectEmulator _emulator = new();
    private SiteFactory _site = null!;

    public Task InitializeAsync()
    {
        _site = SiteFactory.UnionIdApp(_emulator, _database.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _database.Dispose();
    }

    private string OpenId(int user) => _emulator.GetOpenId(_site.AppId, user);

    private string UnionId(int user) => _emulator.GetUnionId(_site.AppId, user);

    [Fact]
    public async Task FirstQqLogin_UnboundQq_ShowsBindPage_ThenCreateAccount_BindsAndSignsIn()
    {
        using var browser = _site.NewBrowser();

        using (var callback = await Flows.QqLoginAsync(browser, _emulator))
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        }

        var bindPage = await browser.PageAsync("/qq/bind");
        Assert.Equal("小明", TestBrowser.Text(bindPage, "qq-nickname"));
        Assert.Contains("/qlogo/", TestBrowser.Attribute(bindPage, "qq-avatar", "src"), StringComparison.Ordinal);
        Assert.Equal("小明", TestBrowser.Attribute(bindPage, "userName", "value"));

        using var created = await browser.SubmitAsync("/qq/bind", "create-account", ("userName", "小明"));
        Assert.Equal("/account", created.Headers.Location!.OriginalString);
        var account = await browser.PageAsync("/account");
        Assert.Equal("小明", TestBrowser.Text(account, "user-name"));
        Assert.Equal("小明", TestBrowser.Text(account, "qq-nickname"));
        Assert.Equal(OpenId(0), TestBrowser.Text(account, "qq-openid"));
        Assert.Equal(UnionId(0), TestBrowser.Text(account, "qq-unionid"));
        Assert.NotNull(TestBrowser.Text(account, "qq-bound-at"));

        // The pending QQ identity never travelled in a URL.
        Assert.DoesNotContain(browser.Locations, location => location.Contains(OpenId(0), StringComparison.OrdinalIgnoreCase)
            || location.Contains(UnionId(0), StringComparison.OrdinalIgnoreCase));

        await using var db = _site.OpenDatabase();
        var user = await db.Users.SingleAsync();
        Assert.Equal("小明", user.UserName);
        var logins = await db.UserLogins.OrderBy(login => login.LoginProvider).ToListAsync();
        Assert.Equal([("QQ", OpenId(0))], logins.Select(login => (login.LoginProvider, login.ProviderKey)));
        var profile = await db.Set<QqUserProfile>().SingleAsync();
        Assert.Equal((user.Id, UnionId(0)), (profile.UserId, profile.UnionId));
        Assert.All(logins, login => Assert.Equal(user.Id, login.UserId));
        Assert.Contains(await db.UserTokens.ToListAsync(), token => token.Name == "refresh_token" && token.LoginProvider == "QQ");
    }

    [Fact]
    public async Task SecondQqLogin_SignsInToTheSameAccount_WithoutTheBindPage()
    {
        using (var first = _site.NewBrowser())
        {
            await Flows.QqLoginAndCreateAccountAsync(first, _emulator);
        }

        using var second = _site.NewBrowser();
        using var callback = await Flows.QqLoginAsync(second, _emulator);

        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        Assert.Equal("小明", TestBrowser.Text(await second.PageAsync("/account"), "user-name"));
        await using var db = _site.OpenDatabase();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task BindPage_SignInToExistingAccount_BindsTheQqToIt()
    {
        using var browser = _site.NewBrowser();
        await Flows.RegisterAsync(browser, "alice");
        await Flows.SignOutAsync(browser);

        using (var callback = await Flows.QqLoginAsync(browser, _emulator))
        {
            Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        }

        using (var wrong = await browser.SubmitAsync("/qq/bind", "bind-existing", ("existingUserName", "alice"), ("password", "wrong password")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var bound = await browser.SubmitAsync("/qq/bind", "bind-existing", ("existingUserName", "alice"), ("password", Flows.Password));
        Assert.Equal("/account?m=bound", bound.Headers.Location!.OriginalString);
        var account = await browser.PageAsync("/account");
        Assert.Equal("alice", TestBrowser.Text(account, "user-name"));
        Assert.Equal("小明", TestBrowser.Text(account, "qq-nickname"));

        await using var db = _site.OpenDatabase();
        var alice = await db.Users.SingleAsync();
        Assert.Equal(1, await db.UserLogins.CountAsync(login => login.UserId == alice.Id));

        // From now on QQ登录 signs in to alice.
        using var other = _site.NewBrowser();
        using var again = await Flows.QqLoginAsync(other, _emulator);
        Assert.Equal("/account", again.Headers.Location!.OriginalString);
        Assert.Equal("alice", TestBrowser.Text(await other.PageAsync("/account"), "user-name"));
    }

    [Fact]
    public async Task BindFromAccountPage_QqBoundToAnotherAccount_IsRefused_AndNothingChanges()
    {
        using (var owner = _site.NewBrowser())
        {
            await Flows.QqLoginAndCreateAccountAsync(owner, _emulator);
        }

        using var bob = _site.NewBrowser();
        await Flows.RegisterAsync(bob, "bob");
        using var refused = await Flows.QqLoginAsync(bob, _emulator, fromAccountPage: true);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account?m=qq-bound-elsewhere", refused.Headers.Location!.OriginalString);
        var account = await bob.PageAsync("/account?m=qq-bound-elsewhere");
        Assert.Contains("这个QQ已绑定其他账号", account, StringComparison.Ordinal);
        Assert.NotNull(TestBrowser.Text(account, "qq-none"));
        await using var db = _site.OpenDatabase();
        var bobId = (await db.Users.SingleAsync(user => user.UserName == "bob")).Id;
        Assert.False(await db.UserLogins.AnyAsync(login => login.UserId == bobId));
        Assert.Equal(1, await db.UserLogins.CountAsync(login => login.UserId != bobId));
    }

    [Fact]
    public async Task BindPage_ExistingAccountBoundToAnotherQq_IsRefused()
    {
        using (var xiaoming = _site.NewBrowser())
        {
            await Flows.RegisterAsync(xiaoming, "carol");
            using var bound = await Flows.QqLoginAsync(xiaoming, _emulator, userIndex: 0, fromAccountPage: true);
            Assert.Equal("/account?m=bound", bound.Headers.Location!.OriginalString);
        }

        using var xiaohong = _site.NewBrowser();
        using (await Flows.QqLoginAsync(xiaohong, _emulator, userIndex: 1))
        {
        }

        using var refused = await xiaohong.SubmitAsync("/qq/bind", "bind-existing", ("existingUserName", "carol"), ("password", Flows.Password));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/qq/bind?m=account-has-qq", refused.Headers.Location!.OriginalString);
        Assert.Contains("这个账号已绑定另一个QQ", await xiaohong.PageAsync("/qq/bind?m=account-has-qq"), StringComparison.Ordinal);
        await using var db = _site.OpenDatabase();
        Assert.False(await db.UserLogins.AnyAsync(login => login.ProviderKey == OpenId(1)));
    }

    [Fact]
    public async Task Unbind_QqOnlyAccount_IsRefusedUntilAPasswordIsSet()
    {
        using var browser = _site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, _emulator);

        // The page offers no unbind; a post from an older page (another tab) is refused with the same hint.
        var page = await browser.PageAsync("/account");
        Assert.Null(TestBrowser.Attribute(page, "qq-unbind", "action"));
        Assert.NotNull(TestBrowser.Text(page, "unbind-needs-password"));
        using (var refused = await browser.PostAsync("/account/qq/unbind", TestBrowser.FindForm(page, "qq-refresh").Token))
        {
            Assert.Equal("/account?m=unbind-only-login", refused.Headers.Location!.OriginalString);
        }

        Assert.Contains("QQ是此账号唯一的登录方式", await browser.PageAsync("/account?m=unbind-only-login"), StringComparison.Ordinal);

        await using (var db = _site.OpenDatabase())
        {
            Assert.Equal(1, await db.UserLogins.CountAsync());
        }

        using (var password = await browser.SubmitAsync("/account", "set-password", ("newPassword", Flows.Password)))
        {
            Assert.Equal("/account?m=password", password.Headers.Location!.OriginalString);
        }

        using (var unbound = await browser.SubmitAsync("/account", "qq-unbind"))
        {
            Assert.Equal("/account?m=unbound", unbound.Headers.Location!.OriginalString);
        }

        Assert.NotNull(TestBrowser.Text(await browser.PageAsync("/account"), "qq-none"));
        await using (var db = _site.OpenDatabase())
        {
            Assert.Equal(0, await db.UserLogins.CountAsync());
            Assert.Equal(0, await db.Set<QqUserProfile>().CountAsync());
            Assert.Equal(0, await db.UserTokens.CountAsync());
        }

        // QQ登录 no longer finds the account; the password still does.
        using var other = _site.NewBrowser();
        using var callback = await Flows.QqLoginAsync(other, _emulator);
        Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        using var signIn = await other.SubmitAsync("/login", "login-form", ("userName", "小明"), ("password", Flows.Password));
        Assert.Equal("/account", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoQqUsers_NeverShareAnAccount_AndCollidingNicknamesGetUniqueNames()
    {
        var emulatorOptions = new QqConnectEmulatorOptions();
        emulatorOptions.Users.Add(new EmulatorUser("user-3", "小明"));
        var emulator = new QqConnectEmulator(emulatorOptions);
        await using var site = SiteFactory.UnionIdApp(emulator, _database.Path);

        var names = new List<string>();
        foreach (var userIndex in new[] { 0, 1, 3 })
        {
            using var browser = site.NewBrowser();
            names.Add(await Flows.QqLoginAndCreateAccountAsync(browser, emulator, userIndex));
        }

        Assert.Equal(["小明", "小红", "小明2"], names);
        await using var db = site.OpenDatabase();
        var owners = await db.UserLogins.Where(login => login.LoginProvider == "QQ").ToDictionaryAsync(login => login.ProviderKey, login => login.UserId);
        Assert.Equal(3, owners.Values.Distinct().Count());
        Assert.Equal(3, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ProfileRefresh_ReadsQqAgain_RenewingAnExpiredAccessTokenWithTheSavedRefreshToken()
    {
        using var browser = _site.NewBrowser();
        await Flows.QqLoginAndCreateAccountAsync(browser, _emulator);
        string oldRefreshToken;
        await using (var db = _site.OpenDatabase())
        {
            var profile = await db.Set<QqUserProfile>().SingleAsync();
            profile.Nickname = "old nickname";
            var expires = await db.UserTokens.SingleAsync(token => token.Name == "expires_at");
            expires.Value = DateTimeOffset.UtcNow.AddHours(-1).ToString("o");
            oldRefreshToken = (await db.UserTokens.SingleAsync(token => token.Name == "refresh_token")).Value!;
            await db.SaveChangesAsync();
        }

        var tokenCalls = _emulator.GetRequestCount("/oauth2.0/token");
        var userInfoCalls = _emulator.GetRequestCount("/user/get_user_info");
        using var refreshed = await browser.SubmitAsync("/account", "qq-refresh");

        Assert.Equal("/account?m=refreshed", refreshed.Headers.Location!.OriginalString);
        Assert.Equal("小明", TestBrowser.Text(await browser.PageAsync("/account"), "qq-nickname"));
        Assert.Equal(tokenCalls + 1, _emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(userInfoCalls + 1, _emulator.GetRequestCount("/user/get_user_info"));
        await using (var db = _site.OpenDatabase())
        {
            Assert.NotEqual(oldRefreshToken, (await db.UserTokens.SingleAsync(token => token.Name == "refresh_token")).Value);
        }

        // A token still valid is used as it is.
        using var again = await browser.SubmitAsync("/account", "qq-refresh");
        Assert.Equal("/account?m=refreshed", again.Headers.Location!.OriginalString);
        Assert.Equal(tokenCalls + 1, _emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task Post_WithoutTheFormsAntiforgeryToken_IsRejected()
    {
        using var browser = _site.NewBrowser();
        await Flows.QqLoginAsync(browser, _emulator);

        using var forged = await browser.PostAsync("/qq/bind/create", "not-a-token", ("userName", "mallory"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = _site.OpenDatabase();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task QqLoginStartedSignedOut_FinishingSignedIn_BindsNothing()
    {
        // Identity's XSRF item: only a login started by the signed-in account (the account page's form) binds to it.
        using var browser = _site.NewBrowser();
        using var challenge = await browser.GetAsync("/qq/login");
        var callback = _emulator.Authorize(challenge.Headers.Location!, 0);
        await Flows.RegisterAsync(browser, "zed");

        using (await browser.GetAsync(callback.AbsoluteUri))
        {
        }

        using var finish = await browser.GetAsync("/qq/callback");

        Assert.Equal("/account", finish.Headers.Location!.OriginalString);
        Assert.NotNull(TestBrowser.Text(await browser.PageAsync("/account"), "qq-none"));
        await using var db = _site.OpenDatabase();
        Assert.Equal(0, await db.UserLogins.CountAsync());
    }

    [Fact]
    public async Task QqLoginLink_WhenSignedIn_GoesToTheAccountPageInsteadOfBinding()
    {
        using var browser = _site.NewBrowser();
        await Flows.RegisterAsync(browser, "yvonne");

        using var response = await browser.GetAsync("/qq/login");

        Assert.Equal("/account", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task QqLogin_Denied_SendsToSignInWithAMessage_AndCreatesNothing()
    {
        using var browser = _site.NewBrowser();
        using var challenge = await browser.GetAsync("/qq/login");
        var denied = _emulator.Authorize(challenge.Headers.Location!, 0, approve: false);

        using var callback = await browser.GetAsync(denied.AbsoluteUri);

        Assert.True(callback.Headers.Location is not null, $"{(int)callback.StatusCode} {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/login?m=qq-denied", callback.Headers.Location!.OriginalString);
        Assert.Contains("你取消了QQ授权", await browser.PageAsync("/login?m=qq-denied"), StringComparison.Ordinal);
        Assert.Equal(0, _emulator.GetRequestCount("/oauth2.0/token"));
        await using var db = _site.OpenDatabase();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task QqLogin_ReusedCode_SendsToSignInWithTheFailureMessage()
    {
        using var browser = _site.NewBrowser();
        using var challenge = await browser.GetAsync("/qq/login");
        var callback = _emulator.Authorize(challenge.Headers.Location!, 0);

        // The same callback twice (a back button, a replay): the state cookie is single-use.
        using (await browser.GetAsync(callback.AbsoluteUri))
        {
        }

        using var replay = await browser.GetAsync(callback.AbsoluteUri);

        Assert.Equal("/login?m=qq-failed", replay.Headers.Location!.OriginalString);
        Assert.Contains("QQ登录失败", await browser.PageAsync("/login?m=qq-failed"), StringComparison.Ordinal);
        Assert.Equal(1, _emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task BindPage_WithoutAPendingQqLogin_SendsToSignIn()
    {
        using var browser = _site.NewBrowser();
        using var response = await browser.GetAsync("/qq/bind");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?m=qq-expired", response.Headers.Location!.OriginalString);
    }
}
