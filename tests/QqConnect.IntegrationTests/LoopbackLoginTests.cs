using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.IntegrationTests;

/// <summary>The SDK against the emulator over real loopback sockets.</summary>
public sealed class LoopbackLoginTests : IAsyncLifetime
{
    private QqConnectEmulatorServer _server = null!;

    private QqConnectEmulator Emulator => _server.Emulator;

    public async Task InitializeAsync() => _server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private QqConnectClient Client(Action<QqConnectOptions>? configure = null) => new(LoginFlow.Options(_server.BaseAddress, configure));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public async Task FullLogin_OverLoopback_ReturnsTheChosenUser(int userIndex, bool json)
    {
        using var client = Client(o => o.UseJsonFormat = json);

        var (token, openId, user) = await LoginFlow.RunAsync(client, Emulator, userIndex);

        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, openId.ClientId);
        Assert.Equal(Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, userIndex), openId.OpenId);
        Assert.Equal(Emulator.Users[userIndex].Nickname, user.Nickname);
        Assert.Equal(Emulator.Users[userIndex].Gender, user.Gender);
        Assert.NotNull(token.RefreshToken);
        Assert.Equal(TimeSpan.FromSeconds(7_776_000), token.ExpiresIn);
        Assert.NotNull(user.AvatarUrl);
    }

    [Fact]
    public async Task FullLogin_AvatarUrl_IsServedByTheEmulator()
    {
        using var client = Client();
        using var http = new HttpClient();

        var (_, _, user) = await LoginFlow.RunAsync(client, Emulator, 0);
        using var avatar = await http.GetAsync(new Uri(user.AvatarUrl!));

        Assert.True(avatar.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Refresh_Rotation_NewTokensWorkAndTheOldRefreshTokenIsDead()
    {
        using var client = Client();
        var code = LoginFlow.Authorize(client, Emulator, 0);
        var first = await client.ExchangeCodeAsync(code);

        var second = await client.RefreshAsync(first.RefreshToken!);
        var replay = await Assert.ThrowsAsync<QqConnectApiException>(() => client.RefreshAsync(first.RefreshToken!));
        var third = await client.RefreshAsync(second.RefreshToken!);
        var openId = await client.GetOpenIdAsync(third.AccessToken);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(100021, replay.ErrorCode);
        Assert.Equal(1, Emulator.RefreshTokenReplays);
        Assert.Equal(Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), openId.OpenId);
    }

    [Fact]
    public async Task ExchangeCode_ReusedCode_ThrowsWithCode100020()
    {
        using var client = Client();
        var code = LoginFlow.Authorize(client, Emulator, 0);
        await client.ExchangeCodeAsync(code);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code));

        Assert.Equal(QqErrorCodes.CodeReused, error.ErrorCode);
        Assert.Equal(1, Emulator.CodeReplays);
    }

    [Fact]
    public async Task ExchangeCode_RedirectUriDiffersFromAuthorize_ThrowsWithCode100010()
    {
        using var client = Client();
        var callback = Emulator.Authorize(client.BuildAuthorizeUrl(new QqAuthorizeRequest("s") { RedirectUri = "http://localhost:5000/other" }), 0);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code));
        var token = await client.ExchangeCodeAsync(code, "http://localhost:5000/other");

        Assert.Equal(QqErrorCodes.RedirectUriInvalid, error.ErrorCode);
        Assert.NotNull(token.AccessToken);
    }

    [Fact]
    public async Task ExchangeCode_WrongAppKey_ThrowsWithCode100009()
    {
        using var good = Client();
        using var bad = Client(o => o.AppKey = "not-the-key-0000");
        var code = LoginFlow.Authorize(good, Emulator, 0);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => bad.ExchangeCodeAsync(code));

        Assert.Equal(100009, error.ErrorCode);
    }

    [Fact]
    public async Task ExchangeCode_UnknownApp_ThrowsWithCode100008()
    {
        using var client = Client(o => o.AppId = "199999999");

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync("0123456789ABCDEF0123456789ABCDEF"));

        Assert.Equal(100008, error.ErrorCode);
    }

    [Fact]
    public async Task GetOpenId_UnionIdWithoutPermission_ThrowsWithCode100048()
    {
        using var client = Client(o => o.RequestUnionId = true);
        var token = await client.ExchangeCodeAsync(LoginFlow.Authorize(client, Emulator, 0));

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(token.AccessToken));

        Assert.Equal(QqErrorCodes.NoUnionIdPermission, error.ErrorCode);
    }

    [Fact]
    public async Task GetOpenId_UnionIdWithPermission_ReturnsTheUnionId()
    {
        using var client = Client(o =>
        {
            o.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            o.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
            o.RequestUnionId = true;
        });
        var token = await client.ExchangeCodeAsync(LoginFlow.Authorize(client, Emulator, 1));

        var openId = await client.GetOpenIdAsync(token.AccessToken);

        Assert.Equal(Emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 1), openId.UnionId);
        Assert.Equal(Emulator.GetUnionId(QqConnectEmulatorOptions.DefaultAppId, 1), openId.UnionId);
    }

    [Fact]
    public async Task GetOpenId_TokenOfAnotherApp_IsRefusedAsTokenSubstitution()
    {
        using var otherApp = Client(o =>
        {
            o.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            o.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
        });
        using var ourApp = Client();
        var foreignToken = await otherApp.ExchangeCodeAsync(LoginFlow.Authorize(otherApp, Emulator, 0));

        var error = await Assert.ThrowsAsync<QqConnectException>(() => ourApp.GetOpenIdAsync(foreignToken.AccessToken));

        Assert.Equal(QqConnectErrorKind.SecurityCheck, error.Kind);
    }

    [Fact]
    public async Task VerifyAccessToken_MobileTokenOfAnAcceptedApp_IsAccepted()
    {
        using var mobileApp = Client(o =>
        {
            o.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            o.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
        });
        using var backend = Client(o => o.AcceptedAppIds = [QqConnectEmulatorOptions.UnionIdAppId]);
        var token = await mobileApp.ExchangeCodeAsync(LoginFlow.Authorize(mobileApp, Emulator, 2));
        var openId = Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 2);

        var verified = await backend.VerifyAccessTokenAsync(token.AccessToken, openId);
        var mismatch = await Assert.ThrowsAsync<QqConnectException>(() => backend.VerifyAccessTokenAsync(token.AccessToken, Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0)));

        Assert.Equal(openId, verified.OpenId);
        Assert.Equal(QqConnectErrorKind.SecurityCheck, mismatch.Kind);
    }

    [Fact]
    public async Task GetUserInfo_OpenIdOfAnotherUser_ThrowsApiException()
    {
        using var client = Client();
        var token = await client.ExchangeCodeAsync(LoginFlow.Authorize(client, Emulator, 0));

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetUserInfoAsync(token.AccessToken, Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 1)));

        Assert.Equal(QqConnectOperation.GetUserInfo, error.Operation);
    }

    [Fact]
    public async Task OneSharedClient_ManyConcurrentFlowsOverSockets_EachGetsItsOwnUser()
    {
        using var client = Client();

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(async flow =>
        {
            var userIndex = flow % Emulator.Users.Count;
            var (_, openId, user) = await LoginFlow.RunAsync(client, Emulator, userIndex);
            return (userIndex, openId.OpenId, user.Nickname);
        }));

        foreach (var (userIndex, openId, nickname) in results)
        {
            Assert.Equal(Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, userIndex), openId);
            Assert.Equal(Emulator.Users[userIndex].Nickname, nickname);
        }
    }
}
