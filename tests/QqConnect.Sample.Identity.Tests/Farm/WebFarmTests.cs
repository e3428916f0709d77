using System.Net;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>
/// Two instances of the site as separate processes on one database (accounts, bindings, QQ tokens and the Data
/// Protection keys), without sticky sessions: a login crosses instances, concurrent first logins of one QQ user make
/// one account, and concurrent refreshes of one account's QQ tokens send QQ's single-use refresh token once.
/// </summary>
public abstract class WebFarmTests
{
    /// <summary>The database of one test (dropped or deleted after it).</summary>
    protected abstract FarmDatabase NewDatabase();

    [SkippableFact]
    public async Task QqLoginStartedOnOneInstance_FinishesOnTheOther_AndBothSeeTheAccount()
    {
        using var database = NewDatabase();
        await using var farm = await Farm.StartAsync(database);
        using var browser = farm.NewBrowser();

        // QQ登录 on A, QQ's callback to B (the balancer's pick), /qq/callback on A: the external cookie B wrote is read by A.
        using (var callback = await farm.QqLoginAsync(browser, userIndex: 0, start: 0))
        {
            Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        }

        // The bind page from A, the form posted to B; the account created on B signs in on A.
        using (var created = await browser.SubmitAsync(farm.A.BaseAddress, "/qq/bind", "create-account", farm.B.BaseAddress, ("userName", "farm-user")))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode}\n{farm.Output}");
            Assert.Equal("/account", created.Headers.Location!.OriginalString);
        }

        foreach (var node in new[] { farm.A.BaseAddress, farm.B.BaseAddress })
        {
            using var account = await browser.GetAsync(node, "/account");
            var html = await account.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Equal("farm-user", TestBrowser.Text(html, "user-name"));
            Assert.Equal("小明", TestBrowser.Text(html, "qq-nickname"));
        }

        Assert.Equal(1, farm.Emulator.GetRequestCount("/oauth2.0/token"));
        await using var db = database.Open();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [SkippableFact]
    public async Task EightConcurrentFirstLogins_OfOneQqUser_OverBothInstances_MakeExactlyOneAccount()
    {
        using var database = NewDatabase();
        await using var farm = await Farm.StartAsync(database);

        // Eight browsers (tabs, devices) log in with the same QQ user, each crossing the instances, and reach the bind
        // page; then all eight send "create a new account" at once, half to A and half to B, with different names.
        var browsers = Enumerable.Range(0, 8).Select(_ => farm.NewBrowser()).ToList();
        try
        {
            var forms = new List<(FarmBrowser Browser, string Action, string Token, int Node)>();
            for (var i = 0; i < browsers.Count; i++)
            {
                using (var callback = await farm.QqLoginAsync(browsers[i], userIndex: 0, start: i))
                {
                    Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
                }

                using var page = await browsers[i].GetAsync(farm.Node(i + 1), "/qq/bind");
                var (action, token) = TestBrowser.FindForm(await page.Content.ReadAsStringAsync(), "create-account");
                forms.Add((browsers[i], action, token, i));
            }

            using var start = new SemaphoreSlim(0);
            var posts = forms.Select(async form =>
            {
                await start.WaitAsync();
                return await form.Browser.PostAsync(farm.Node(form.Node), form.Action, form.Token, ("userName", $"racer-{form.Node}"));
            }).ToList();
            start.Release(posts.Count);
            var responses = await Task.WhenAll(posts);

            foreach (var response in responses)
            {
                using (response)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{farm.Output}");
                    Assert.Equal("/account", response.Headers.Location!.OriginalString);
                }
            }

            await using var db = database.Open();
            var user = await db.Users.SingleAsync();
            var login = await db.UserLogins.SingleAsync();
            Assert.Equal(user.Id, login.UserId);
            Assert.Equal(farm.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0), login.ProviderKey);
            for (var i = 0; i < browsers.Count; i++)
            {
                using var account = await browsers[i].GetAsync(farm.Node(i), "/account");
                Assert.Equal(user.UserName, TestBrowser.Text(await account.Content.ReadAsStringAsync(), "user-name"));
            }
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }

    [SkippableFact]
    public async Task TwentyConcurrentRefreshes_OfOneAccount_OverBothInstances_CallQqOnce_WithoutAReplay_AndKeepTheNewestRefreshToken()
    {
        using var database = NewDatabase();
        await using var farm = await Farm.StartAsync(database);
        using var browser = farm.NewBrowser();
        using (await farm.QqLoginAsync(browser, userIndex: 0, start: 0))
        {
        }

        using (var created = await browser.SubmitAsync(farm.A.BaseAddress, "/qq/bind", "create-account", farm.B.BaseAddress, ("userName", "refresher")))
        {
            Assert.Equal("/account", created.Headers.Location!.OriginalString);
        }

        using var accountPage = await browser.GetAsync(farm.A.BaseAddress, "/account");
        var (action, token) = TestBrowser.FindForm(await accountPage.Content.ReadAsStringAsync(), "qq-refresh");

        // Twenty "refresh from QQ" at once, ten on each instance, with the access token expired.
        await ExpireAccessTokenAsync(database);
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await browser.PostAsync(farm.Node(i), action, token);
        }).ToList();
        start.Release(posts.Count);
        foreach (var response in await Task.WhenAll(posts))
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{farm.Output}");
                Assert.Equal("/account?m=refreshed", response.Headers.Location!.OriginalString);
            }
        }

        // One refresh for all twenty: the others waited on the lock and found the new token. The code exchange and it.
        Assert.Equal(0, farm.Emulator.RefreshTokenReplays);
        Assert.Equal(2, farm.Emulator.GetRequestCount("/oauth2.0/token"));

        // The account kept the newest refresh token: the next refresh sends it, and QQ takes it.
        await ExpireAccessTokenAsync(database);
        using (var again = await browser.PostAsync(farm.B.BaseAddress, action, token))
        {
            Assert.Equal("/account?m=refreshed", again.Headers.Location!.OriginalString);
        }

        Assert.Equal(0, farm.Emulator.RefreshTokenReplays);
        Assert.Equal(3, farm.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [SkippableFact]
    public async Task LocalAccount_BindsQq_SignsInWithIt_AndUnbinds_WithEveryStepOnEitherInstance()
    {
        using var database = NewDatabase();
        await using var farm = await Farm.StartAsync(database);
        using var browser = farm.NewBrowser();
        using (var registered = await browser.SubmitAsync(farm.A.BaseAddress, "/register", "register-form", farm.B.BaseAddress, ("userName", "carol"), ("password", "correct horse 1")))
        {
            Assert.Equal("/account", registered.Headers.Location!.OriginalString);
        }

        // "Bind QQ" on the account page of B: QQ's callback to A, the binding finished on B.
        using (var challenge = await browser.SubmitAsync(farm.A.BaseAddress, "/account", "qq-bind", farm.B.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var callback = farm.Emulator.Authorize(challenge.Headers.Location!, userIndex: 1);
            using var afterQq = await browser.GetAsync(farm.A.BaseAddress, callback.PathAndQuery);
            Assert.Equal("/qq/callback", afterQq.Headers.Location!.OriginalString);
            using var bound = await browser.GetAsync(farm.B.BaseAddress, "/qq/callback");
            Assert.Equal("/account?m=bound", bound.Headers.Location!.OriginalString);
        }

        using (var signedOut = await browser.SubmitAsync(farm.B.BaseAddress, "/account", "logout", farm.A.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // QQ登录 of the bound QQ, started on B: straight into carol's account.
        using (var callback = await farm.QqLoginAsync(browser, userIndex: 1, start: 1))
        {
            Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        }

        using (var account = await browser.GetAsync(farm.A.BaseAddress, "/account"))
        {
            var html = await account.Content.ReadAsStringAsync();
            Assert.Equal("carol", TestBrowser.Text(html, "user-name"));
            Assert.Equal("小红", TestBrowser.Text(html, "qq-nickname"));
        }

        using (var unbound = await browser.SubmitAsync(farm.B.BaseAddress, "/account", "qq-unbind", farm.A.BaseAddress))
        {
            Assert.Equal("/account?m=unbound", unbound.Headers.Location!.OriginalString);
        }

        await using var db = database.Open();
        Assert.Equal("carol", (await db.Users.SingleAsync()).UserName);
        Assert.Equal(0, await db.UserLogins.CountAsync());
    }

    // The stored expiry dropped: an access token without one counts as expired, so the next use refreshes it.
    private static async Task ExpireAccessTokenAsync(FarmDatabase database)
    {
        await using var db = database.Open();
        Assert.Equal(1, await db.UserTokens.Where(row => row.LoginProvider == "QQ" && row.Name == "expires_at").ExecuteDeleteAsync());
    }
}
