using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

public sealed class EmulatorStateTests
{
    [Fact]
    public async Task RequestCounts_CountEveryRequestPerPath()
    {
        using var h = new Harness();
        await h.LoginAsync();
        await h.GetAsync("oauth2.0/me?access_token=x");
        await h.GetAsync("oauth2.0/me?access_token=y");

        Assert.Equal(1, h.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(2, h.Emulator.GetRequestCount("/oauth2.0/me"));
        Assert.Equal(0, h.Emulator.GetRequestCount("/user/get_user_info"));
    }

    [Fact]
    public async Task Reset_ForgetsTokensCountersAndFaults()
    {
        using var h = new Harness();
        var code = h.NewCode();
        var (access, _) = Harness.ParseTokens(await h.GetAsync(Harness.TokenQuery(code)));
        await h.GetAsync(Harness.TokenQuery(code));
        h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError });

        h.Emulator.Reset();

        Assert.Equal(0, h.Emulator.CodeReplays);
        Assert.Equal(0, h.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(0, h.Emulator.Faults.Count);
        Assert.Equal(Harness.JsonpError(100016, "access token check failed"), await h.GetAsync("oauth2.0/me?access_token=" + access));
    }

    [Fact]
    public void Defaults_OfferTwoAppsAndThreeDistinctUsers()
    {
        var emulator = new QqConnectEmulator();

        Assert.Equal(["100000001", "100000002"], emulator.Apps.Select(a => a.AppId));
        Assert.Equal("emulator-app-key-0123456789abcdef", emulator.Apps[0].AppKey);
        Assert.Equal(["localhost", "127.0.0.1"], emulator.Apps[0].CallbackDomains);
        Assert.False(emulator.Apps[0].UnionIdGranted);
        Assert.True(emulator.Apps[1].UnionIdGranted);
        Assert.Equal(3, emulator.Users.Select(u => u.Nickname).Distinct().Count());
    }

    [Fact]
    public void Options_DuplicateAppId_IsRejected()
    {
        var options = new QqConnectEmulatorOptions();
        options.Apps.Add(new EmulatorApp(Harness.App, "other", "localhost"));

        Assert.Throws<ArgumentException>(() => new QqConnectEmulator(options));
    }

    [Fact]
    public async Task UnknownPath_Returns404()
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri("oauth2.0/nothing", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task ThousandConcurrentFlows_AllSucceedWithDistinctTokens()
    {
        using var h = new Harness();
        var tasks = Enumerable.Range(0, 1000).Select(async i =>
        {
            var user = i % 3;
            var (access, refresh) = Harness.ParseTokens(await h.GetAsync(Harness.TokenQuery(h.NewCode(user))));
            var me = await h.GetAsync("oauth2.0/me?fmt=json&access_token=" + access);
            Assert.Contains(h.Emulator.GetOpenId(Harness.App, user), me, StringComparison.Ordinal);
            var (access2, _) = Harness.ParseTokens(await h.GetAsync(Harness.RefreshQuery(refresh)));
            return (access, access2);
        });

        var results = await Task.WhenAll(tasks);

        Assert.Equal(2000, results.SelectMany(r => new[] { r.access, r.access2 }).Distinct().Count());
        Assert.Equal(0, h.Emulator.CodeReplays);
        Assert.Equal(0, h.Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task OneCodeRedeemedConcurrently_SucceedsExactlyOnce()
    {
        using var h = new Harness();
        var code = h.NewCode();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => h.GetAsync(Harness.TokenQuery(code)))));

        Assert.Single(bodies, b => b.StartsWith("access_token=", StringComparison.Ordinal));
        Assert.Equal(49, bodies.Count(b => b.Contains("100020", StringComparison.Ordinal)));
        Assert.Equal(49, h.Emulator.CodeReplays);
    }

    [Fact]
    public void Options_WithoutApps_AreRefused()
    {
        var options = new QqConnectEmulatorOptions();
        options.Apps.Clear();

        var exception = Assert.Throws<ArgumentException>(() => new QqConnectEmulator(options));
        Assert.Contains("at least one app", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithAUserKeyTwice_AreRefused()
    {
        var options = new QqConnectEmulatorOptions();
        options.Users.Add(new EmulatorUser("user-0", "另一个小明"));

        var exception = Assert.Throws<ArgumentException>(() => new QqConnectEmulator(options));
        Assert.Contains("user-0", exception.Message, StringComparison.Ordinal);
    }
}
