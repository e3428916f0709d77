using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>One QQ user, one account, even under concurrent requests: the database's keys decide, not only the code.</summary>
public sealed class ConcurrencyTests : SiteTest
{
    [Fact]
    public async Task ConcurrentFirstLogins_OfTheSameQqUser_CreateExactlyOneAccount()
    {
        // Two browsers (two tabs, two devices) each log in with the same QQ user and reach the bind page, then
        // "create a new account" is sent several times from each, all at once, with different user names.
        const int PostsPerBrowser = 4;
        using var first = Site.NewBrowser();
        using var second = Site.NewBrowser();
        var forms = new List<(TestBrowser Browser, string Action, string Token)>();
        foreach (var browser in new[] { first, second })
        {
            using (await Flows.QqLoginAsync(browser, Emulator))
            {
            }

            var (action, token) = TestBrowser.FindForm(await browser.PageAsync("/qq/bind"), "create-account");
            forms.Add((browser, action, token));
        }

        using var start = new SemaphoreSlim(0);
        var posts = forms.SelectMany(form => Enumerable.Range(0, PostsPerBrowser).Select(async i =>
        {
            await start.WaitAsync();
            return await form.Browser.PostAsync(form.Action, form.Token, ("userName", $"racer-{forms.IndexOf(form)}-{i}"));
        })).ToList();
        start.Release(posts.Count);
        var responses = await Task.WhenAll(posts);

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.All(responses, response => Assert.Equal("/account", response.Headers.Location!.OriginalString));
        await using var db = Site.OpenDatabase();
        var user = await db.Users.SingleAsync();
        Assert.Equal(1, await db.UserLogins.CountAsync(login => login.UserId == user.Id));
        Assert.Equal(user.UserName, TestBrowser.Text(await first.PageAsync("/account"), "user-name"));
        Assert.Equal(user.UserName, TestBrowser.Text(await second.PageAsync("/account"), "user-name"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CreateAccount_SentAgainAfterTheFirstAnswer_GoesToTheAccount_WithoutASecondAccount()
    {
        // A double click whose second post leaves after the first answer signed the browser in: the form's
        // antiforgery token was made for the signed-out browser, so the post must not end on an "expired form" page.
        using var browser = Site.NewBrowser();
        using (await Flows.QqLoginAsync(browser, Emulator))
        {
        }

        var (action, token) = TestBrowser.FindForm(await browser.PageAsync("/qq/bind"), "create-account");
        using var firstPost = await browser.PostAsync(action, token, ("userName", "first-click"));
        using var secondPost = await browser.PostAsync(action, token, ("userName", "second-click"));

        Assert.Equal("/account", firstPost.Headers.Location?.OriginalString);
        Assert.True(secondPost.StatusCode == HttpStatusCode.Redirect, $"{(int)secondPost.StatusCode}: {await secondPost.Content.ReadAsStringAsync()}");
        Assert.Equal("/account", secondPost.Headers.Location?.OriginalString);
        await using var db = Site.OpenDatabase();
        Assert.Equal("first-click", (await db.Users.SingleAsync()).UserName);
    }

    [Fact]
    public async Task ConcurrentQqLogins_OfABoundAccount_AllSignIn()
    {
        // Several tabs finishing QQ登录 of the same bound account at once all write its profile and tokens (Identity
        // stamps the user row on each token write and refuses a stale stamp): each must still be signed in.
        const int Tabs = 6;
        using (var owner = Site.NewBrowser())
        {
            await Flows.QqLoginAndCreateAccountAsync(owner, Emulator);
        }

        var browsers = Enumerable.Range(0, Tabs).Select(_ => Site.NewBrowser()).ToList();
        var callbacks = new List<(TestBrowser Browser, Uri Callback)>();
        foreach (var browser in browsers)
        {
            using var challenge = await browser.GetAsync("/qq/login");
            using var afterQq = await browser.GetAsync(Emulator.Authorize(challenge.Headers.Location!, 0).AbsoluteUri);
            callbacks.Add((browser, new Uri("/qq/callback", UriKind.Relative)));
        }

        using var start = new SemaphoreSlim(0);
        var finishes = callbacks.Select(async pending =>
        {
            await start.WaitAsync();
            return await pending.Browser.GetAsync(pending.Callback.OriginalString);
        }).ToList();
        start.Release(finishes.Count);
        var responses = await Task.WhenAll(finishes);

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("/account", response.Headers.Location?.OriginalString);
            response.Dispose();
        }

        foreach (var browser in browsers)
        {
            Assert.NotNull(TestBrowser.Text(await browser.PageAsync("/account"), "user-name"));
            browser.Dispose();
        }
    }
}
