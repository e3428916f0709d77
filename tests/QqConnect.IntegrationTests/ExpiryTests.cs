using Microsoft.Extensions.Time.Testing;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.IntegrationTests;

/// <summary>Lifetimes enforced by the emulator on a fake clock, seen through the SDK.</summary>
public sealed class ExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private QqConnectEmulatorServer _server = null!;

    private QqConnectEmulator Emulator => _server.Emulator;

    public async Task InitializeAsync() =>
        _server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0, TimeProvider = _clock });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private QqConnectClient Client() => new(new HttpClient(), LoginFlow.Options(_server.BaseAddress), _clock, logger: null);

    [Fact]
    public async Task ExchangeCode_AfterTenMinutes_ThrowsWithCode100019()
    {
        using var client = Client();
        var code = LoginFlow.Authorize(client, Emulator, 0);

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code));

        Assert.Equal(100019, error.ErrorCode);
    }

    [Fact]
    public async Task ExchangeCode_JustBeforeTenMinutes_Succeeds()
    {
        using var client = Client();
        var code = LoginFlow.Authorize(client, Emulator, 0);

        _clock.Advance(TimeSpan.FromMinutes(9));
        var token = await client.ExchangeCodeAsync(code);

        Assert.Equal(_clock.GetUtcNow() + token.ExpiresIn, token.ExpiresAt);
    }

    [Fact]
    public async Task AccessToken_AfterExpiresIn_IsRejectedAndTheSdkSaysItExpired()
    {
        using var client = Client();
        var token = await client.ExchangeCodeAsync(LoginFlow.Authorize(client, Emulator, 0));
        var openId = await client.GetOpenIdAsync(token.AccessToken);

        _clock.Advance(token.ExpiresIn + TimeSpan.FromSeconds(1));
        var me = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(token.AccessToken));
        var info = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetUserInfoAsync(token.AccessToken, openId.OpenId));

        Assert.True(token.IsExpired(_clock));
        Assert.Equal(100014, me.ErrorCode);
        Assert.Equal(QqErrorAction.Relogin, me.ErrorInfo!.Action);
        Assert.Equal(QqConnectOperation.GetUserInfo, info.Operation);
    }

    [Fact]
    public async Task Refresh_AfterAccessTokenExpired_GivesAWorkingToken()
    {
        using var client = Client();
        var token = await client.ExchangeCodeAsync(LoginFlow.Authorize(client, Emulator, 2));

        _clock.Advance(token.ExpiresIn + TimeSpan.FromDays(1));
        var renewed = await client.RefreshAsync(token.RefreshToken!);
        var user = await client.GetUserInfoAsync(renewed.AccessToken, (await client.GetOpenIdAsync(renewed.AccessToken)).OpenId);

        Assert.Equal(Emulator.Users[2].Nickname, user.Nickname);
    }
}
