using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary><see cref="QqConnectEmulator.AddOrReplaceUser"/>: users added and replaced while the emulator runs.</summary>
public sealed class AddOrReplaceUserTests
{
    [Fact]
    public async Task AddOrReplaceUser_NewKey_ComesLastAndCanLogIn()
    {
        using var h = new Harness();

        var (index, replaced) = h.Emulator.AddOrReplaceUser(new EmulatorUser("alice", "Alice") { City = "杭州" });

        Assert.Equal((3, false), (index, replaced));
        Assert.Equal("Alice", h.Emulator.Users[3].Nickname);
        Assert.Equal(3, h.Emulator.IndexOfUser("alice"));
        var (access, _) = await h.LoginAsync(user: 3);
        var openId = h.Emulator.GetOpenId(Harness.App, 3);
        var info = await h.GetAsync($"user/get_user_info?access_token={access}&oauth_consumer_key={Harness.App}&openid={openId}");
        Assert.Contains("\"nickname\": \"Alice\"", info, StringComparison.Ordinal);
        Assert.Contains("\"city\": \"杭州\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOrReplaceUser_NewKey_IsOfferedOnTheAuthorizePage()
    {
        using var h = new Harness();

        h.Emulator.AddOrReplaceUser(new EmulatorUser("alice", "Alice"));

        var page = await h.GetAsync(Harness.AuthorizeUrl().PathAndQuery.TrimStart('/'));
        Assert.Contains("data-testid=\"user-3\"", page, StringComparison.Ordinal);
        Assert.Contains(">Alice<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOrReplaceUser_ExistingKey_KeepsIndexAndOpenIdAndIssuedTokensAnswerTheNewProfile()
    {
        using var h = new Harness();
        var openIdBefore = h.Emulator.GetOpenId(Harness.App, 1);
        var (access, _) = await h.LoginAsync(user: 1);

        var (index, replaced) = h.Emulator.AddOrReplaceUser(new EmulatorUser("user-1", "小红改名"));

        Assert.Equal((1, true), (index, replaced));
        Assert.Equal(3, h.Emulator.Users.Count);
        Assert.Equal(openIdBefore, h.Emulator.GetOpenId(Harness.App, 1));
        var info = await h.GetAsync($"user/get_user_info?access_token={access}&oauth_consumer_key={Harness.App}&openid={openIdBefore}");
        Assert.Contains("\"nickname\": \"小红改名\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_ReadBeforeAChange_IsASnapshotThatDoesNotChange()
    {
        var emulator = new QqConnectEmulator();
        var before = emulator.Users;

        emulator.AddOrReplaceUser(new EmulatorUser("user-0", "renamed"));
        emulator.AddOrReplaceUser(new EmulatorUser("new", "new"));

        Assert.Equal(3, before.Count);
        Assert.Equal("小明", before[0].Nickname);
        Assert.Equal("renamed", emulator.Users[0].Nickname);
        Assert.Equal(4, emulator.Users.Count);
    }

    [Fact]
    public async Task AddOrReplaceUser_ConcurrentWithLogins_LosesNoUserAndBreaksNoLogin()
    {
        using var h = new Harness();

        var adds = Enumerable.Range(0, 200).Select(i => Task.Run(() => h.Emulator.AddOrReplaceUser(new EmulatorUser("k" + i, "n" + i))));
        var logins = Enumerable.Range(0, 50).Select(i => Task.Run(() => h.LoginAsync(user: i % 3)));
        await Task.WhenAll(adds);
        var tokens = await Task.WhenAll(logins);

        Assert.Equal(203, h.Emulator.Users.Count);
        Assert.Equal(200, Enumerable.Range(0, 200).Select(i => h.Emulator.IndexOfUser("k" + i)).Distinct().Count(index => index >= 3));
        Assert.Equal(50, tokens.Select(token => token.AccessToken).Distinct().Count());
    }

    [Fact]
    public void IndexOfUser_UnknownKey_IsMinusOne()
    {
        Assert.Equal(-1, new QqConnectEmulator().IndexOfUser("nobody"));
    }
}
