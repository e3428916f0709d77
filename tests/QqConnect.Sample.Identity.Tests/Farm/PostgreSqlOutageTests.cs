using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>
/// PostgreSQL stopped under a farm in the middle of first logins and started again: the requests during the outage get
/// the clear 503 page, none after it fails, an interrupted login goes on by reloading, and the database holds exactly
/// one account with its binding and profile for every login that finished — nothing half-written, no code sent twice.
/// </summary>
public sealed class PostgreSqlOutageTests(ITestOutputHelper output)
{
    private const int Browsers = 4;
    private const int QqUsers = 5000;

    private enum Outcome
    {
        SignedIn,
        Unavailable,
    }

    [SkippableFact]
    public async Task PostgreSqlStoppedAndStartedDuringLogins_AnswersTheClearPage_LosesNothing_AndServesAgain()
    {
        using var server = PostgresServer.StartOwn();
        using var database = new PostgreSqlFarmDatabase(server);
        var emulator = new QqConnectEmulatorOptions();
        for (var i = emulator.Users.Count; i < QqUsers; i++)
        {
            emulator.Users.Add(new EmulatorUser($"farm-user-{i}", $"用户{i}"));
        }

        await using var farm = await Farm.StartAsync(database, emulator);
        var next = -1;
        var signedIn = new ConcurrentDictionary<int, string>(); // QQ user index → the account's user name
        var interrupted = new ConcurrentQueue<(FarmBrowser Browser, int User)>();
        var failures = new ConcurrentQueue<string>();
        var outcomes = new ConcurrentQueue<(Outcome Outcome, long StartedAt)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task BrowseAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var user = Interlocked.Increment(ref next);
                if (user >= QqUsers)
                {
                    failures.Enqueue("ran out of QQ users: raise QqUsers");
                    return;
                }

                var browser = farm.NewBrowser();
                var startedAt = clock.ElapsedMilliseconds;
                try
                {
                    var outcome = await FirstLoginAsync(farm, browser, user, signedIn);
                    outcomes.Enqueue((outcome, startedAt));
                    if (outcome == Outcome.Unavailable)
                    {
                        interrupted.Enqueue((browser, user));
                        continue;
                    }
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"user {user} at {startedAt} ms: {exception.Message}");
                }

                browser.Dispose();
            }
        }

        var browsing = Enumerable.Range(0, Browsers).Select(_ => Task.Run(BrowseAsync)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        server.Stop();
        var stoppedAt = clock.ElapsedMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        server.StartAgain();
        var startedAgainAt = clock.ElapsedMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(browsing);

        output.WriteLine($"stopped at {stoppedAt} ms, started again at {startedAgainAt} ms; logins begun: {outcomes.Count + failures.Count}, "
            + $"signed in: {outcomes.Count(o => o.Outcome == Outcome.SignedIn)}, stopped at the 503 page: {interrupted.Count}, failed: {failures.Count}");
        Assert.True(failures.IsEmpty, string.Join('\n', failures) + "\n" + farm.Output);
        Assert.Contains(outcomes, o => o.Outcome == Outcome.SignedIn && o.StartedAt < stoppedAt);
        Assert.Contains(outcomes, o => o.Outcome == Outcome.Unavailable);
        var afterOutage = outcomes.Where(o => o.StartedAt > startedAgainAt).ToList();
        Assert.NotEmpty(afterOutage);
        Assert.All(afterOutage, o => Assert.Equal(Outcome.SignedIn, o.Outcome));

        // Every interrupted login goes on where it stopped: reloading /qq/callback (the pending QQ login is still in
        // the browser), without a second code exchange.
        var tokenRequests = farm.Emulator.GetRequestCount("/oauth2.0/token");
        foreach (var (browser, user) in interrupted)
        {
            using (browser)
            {
                Assert.Equal(Outcome.SignedIn, await ResumeAsync(farm, browser, user, signedIn));
            }
        }

        Assert.Equal(tokenRequests, farm.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(0, farm.Emulator.CodeReplays);

        // Exactly the accounts of the finished logins, each with its one QQ binding and profile; nothing else.
        await using var db = database.Open();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName!);
        var logins = await db.UserLogins.ToListAsync();
        Assert.Equal(signedIn.Values.Order(StringComparer.Ordinal), users.Values.Order(StringComparer.Ordinal));
        Assert.Equal(users.Count, logins.Count);
        foreach (var (user, userName) in signedIn)
        {
            var login = Assert.Single(logins, l => l.ProviderKey == farm.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, user));
            Assert.Equal(userName, users[login.UserId]);
        }

        Assert.Equal(users.Count, await db.Set<QqConnect.AspNetCore.Identity.QqUserProfile>().CountAsync());
    }

    // A new QQ user's first login across the farm, then "create a new account": signed in, or stopped at the 503 page.
    private static async Task<Outcome> FirstLoginAsync(Farm farm, FarmBrowser browser, int user, ConcurrentDictionary<int, string> signedIn)
    {
        using var challenge = await browser.GetAsync(farm.Node(user), "/qq/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var callback = farm.Emulator.Authorize(challenge.Headers.Location!, user);
        using (var afterQq = await browser.GetAsync(farm.Node(user + 1), callback.PathAndQuery))
        {
            Assert.Equal("/qq/callback", afterQq.Headers.Location?.OriginalString);
        }

        return await ResumeAsync(farm, browser, user, signedIn);
    }

    // From /qq/callback: the bind page and its "create a new account" form (or, for a QQ already bound, the account).
    private static async Task<Outcome> ResumeAsync(Farm farm, FarmBrowser browser, int user, ConcurrentDictionary<int, string> signedIn)
    {
        using var callback = await browser.GetAsync(farm.Node(user), "/qq/callback");
        if (await UnavailableAsync(callback))
        {
            return Outcome.Unavailable;
        }

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        if (callback.Headers.Location!.OriginalString == "/qq/bind")
        {
            using var page = await browser.GetAsync(farm.Node(user + 1), "/qq/bind");
            if (await UnavailableAsync(page))
            {
                return Outcome.Unavailable;
            }

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var (action, token) = TestBrowser.FindForm(await page.Content.ReadAsStringAsync(), "create-account");
            using var created = await browser.PostAsync(farm.Node(user), action, token, ("userName", $"farm-{user}"));
            if (await UnavailableAsync(created))
            {
                return Outcome.Unavailable;
            }

            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/account", created.Headers.Location!.OriginalString);
        }

        using var account = await browser.GetAsync(farm.Node(user + 1), "/account");
        if (await UnavailableAsync(account))
        {
            return Outcome.Unavailable;
        }

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        signedIn[user] = TestBrowser.Text(await account.Content.ReadAsStringAsync(), "user-name")!;
        return Outcome.SignedIn;
    }

    // The clear page: 503, Retry-After, the message, no stack trace. Any other 5xx is a failure of the test.
    private static async Task<bool> UnavailableAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return false;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("database-unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
        return true;
    }
}
