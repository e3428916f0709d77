using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>
/// What the emulator remembers of the codes and tokens it issued is bounded (a long load test keeps its memory flat)
/// while replays of recent codes and refresh tokens are still caught exactly.
/// </summary>
public sealed class IssuedMemoryTests
{
    private static string Error(int code) => "\"error\":" + code;

    [Fact]
    public async Task RedeemedCode_PresentedAgainBeforeItExpires_IsAReplay_AfterItExpires_IsUnknown()
    {
        using var h = new Harness(fakeTime: true);
        var code = h.NewCode();
        await h.GetAsync(Harness.TokenQuery(code));

        Assert.Contains(Error(100020), await h.GetAsync(Harness.TokenQuery(code)), StringComparison.Ordinal);
        Assert.Equal(1, h.Emulator.CodeReplays);

        h.Time!.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains(Error(100019), await h.GetAsync(Harness.TokenQuery(code)), StringComparison.Ordinal);
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task UsedRefreshToken_PresentedAgain_IsAReplay_UntilTheLoginsRefreshWindowCloses()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { RefreshTokenLifetime = TimeSpan.FromDays(1) }, fakeTime: true);
        var (_, refresh) = await h.LoginAsync();
        await h.GetAsync(Harness.RefreshQuery(refresh));

        h.Time!.Advance(TimeSpan.FromHours(23));
        Assert.Contains(Error(100021), await h.GetAsync(Harness.RefreshQuery(refresh)), StringComparison.Ordinal);
        Assert.Equal(1, h.Emulator.RefreshTokenReplays);

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.GetAsync(Harness.RefreshQuery(refresh));
        Assert.Equal(1, h.Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task ExpiredAccessToken_IsAnsweredExpiredWhileItsLoginCanBeRefreshed_ThenUnknown()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { AccessTokenLifetime = TimeSpan.FromHours(1), RefreshTokenLifetime = TimeSpan.FromDays(1) }, fakeTime: true);
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode()));
        var access = body.Split('&')[0]["access_token=".Length..];

        h.Time!.Advance(TimeSpan.FromHours(23));
        Assert.Contains(Error(100014), await h.GetAsync("oauth2.0/me?access_token=" + access), StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Contains(Error(100016), await h.GetAsync("oauth2.0/me?access_token=" + access), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastTheLimitPerUser_TheOldestCodeAndTokensAreForgotten_TheNewestWork_OtherUsersKeepTheirs()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { IssuedPerUserLimit = 3 });
        var otherUser = await h.LoginAsync(user: 1);
        var first = await h.LoginAsync();
        var codes = Enumerable.Range(0, 3).Select(_ => h.NewCode()).ToList();
        var logins = new List<(string AccessToken, string RefreshToken)>();
        foreach (var code in codes)
        {
            logins.Add(Harness.ParseTokens(await h.GetAsync(Harness.TokenQuery(code))));
        }

        // The first login's tokens were the oldest of user 0's four: forgotten (never issued, as far as anyone asking knows).
        Assert.Contains(Error(100016), await h.GetAsync("oauth2.0/me?access_token=" + first.AccessToken), StringComparison.Ordinal);
        Assert.Contains(Error(100021), await h.GetAsync(Harness.RefreshQuery(first.RefreshToken)), StringComparison.Ordinal);
        Assert.Equal(0, h.Emulator.RefreshTokenReplays);
        foreach (var (access, _) in logins)
        {
            Assert.Contains("openid", await h.GetAsync("oauth2.0/me?access_token=" + access), StringComparison.Ordinal);
        }

        Assert.Contains("openid", await h.GetAsync("oauth2.0/me?access_token=" + otherUser.AccessToken), StringComparison.Ordinal);
        Assert.Contains("access_token=", await h.GetAsync(Harness.RefreshQuery(logins[^1].RefreshToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnredeemedCodes_PastTheLimitPerUser_TheOldestIsForgotten()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { IssuedPerUserLimit = 2 });
        var oldest = h.NewCode();
        var middle = h.NewCode();
        var newest = h.NewCode();

        Assert.Contains(Error(100019), await h.GetAsync(Harness.TokenQuery(oldest)), StringComparison.Ordinal);
        Assert.Contains("access_token=", await h.GetAsync(Harness.TokenQuery(middle)), StringComparison.Ordinal);
        Assert.Contains("access_token=", await h.GetAsync(Harness.TokenQuery(newest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyLoginsOfOneUser_KeepWorking_AndOnlyTheNewestAreRemembered()
    {
        // Past the sweep interval (1,024 additions) with the default limit: the store sweeps without losing a live one.
        using var h = new Harness(fakeTime: true);
        var tokens = new List<string>();
        for (var i = 0; i < 1_500; i++)
        {
            tokens.Add((await h.LoginAsync()).AccessToken);
        }

        Assert.Contains(Error(100016), await h.GetAsync("oauth2.0/me?access_token=" + tokens[1_399]), StringComparison.Ordinal);
        Assert.Contains("openid", await h.GetAsync("oauth2.0/me?access_token=" + tokens[1_400]), StringComparison.Ordinal);
        Assert.Contains("openid", await h.GetAsync("oauth2.0/me?access_token=" + tokens[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void IssuedPerUserLimit_BelowOne_IsRefused()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new QqConnectEmulator(new QqConnectEmulatorOptions { IssuedPerUserLimit = 0 }));
        Assert.Contains("IssuedPerUserLimit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCounts_StopAddingPathsAtTheLimit_ButQqPathsAlwaysCount()
    {
        using var h = new Harness();
        for (var i = 0; i < QqConnectEmulator.CountedPathLimit + 10; i++)
        {
            using var _ = await h.Http.GetAsync(new Uri($"random-{i}", UriKind.Relative));
        }

        await h.LoginAsync();

        Assert.Equal(1, h.Emulator.GetRequestCount("/random-0"));
        Assert.Equal(0, h.Emulator.GetRequestCount($"/random-{QqConnectEmulator.CountedPathLimit + 5}"));
        Assert.Equal(1, h.Emulator.GetRequestCount("/oauth2.0/token"));
    }
}
