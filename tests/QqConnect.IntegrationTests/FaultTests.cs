using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.IntegrationTests;

/// <summary>
/// Faults injected by the emulator over real sockets. Whatever happens, the SDK never replays a code or a
/// refresh token: the emulator counts replays, and the count must stay zero.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const string Token = "/oauth2.0/token";
    private QqConnectEmulatorServer _server = null!;

    private QqConnectEmulator Emulator => _server.Emulator;

    public async Task InitializeAsync() => _server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>For the steps before the fault: default timeouts, so a busy machine cannot fail them.</summary>
    private QqConnectClient Setup() => new(LoginFlow.Options(_server.BaseAddress));

    /// <summary>For the faulted call: a short attempt timeout.</summary>
    private QqConnectClient Client(Action<QqConnectOptions>? configure = null) => new(LoginFlow.Options(_server.BaseAddress, o =>
    {
        o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
        configure?.Invoke(o);
    }));

    private static TimeSpan LatencyOnly(EmulatorFaultKind fault) => fault == EmulatorFaultKind.Latency ? TimeSpan.FromSeconds(4) : TimeSpan.Zero;

    public static TheoryData<EmulatorFaultKind, QqConnectErrorKind> AnswerLostAfterProcessing => new()
    {
        { EmulatorFaultKind.Latency, QqConnectErrorKind.Timeout },
        { EmulatorFaultKind.DropConnection, QqConnectErrorKind.Transport },
        { EmulatorFaultKind.ServerError, QqConnectErrorKind.HttpStatus },
    };

    [Theory]
    [MemberData(nameof(AnswerLostAfterProcessing))]
    public async Task ExchangeCode_AnswerLostAfterQqUsedTheCode_FailsWithoutReplayingTheCode(EmulatorFaultKind fault, QqConnectErrorKind expected)
    {
        using var client = Client();
        var code = LoginFlow.Authorize(client, Emulator, 0);
        Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = fault, Phase = EmulatorFaultPhase.AfterProcessing, Delay = LatencyOnly(fault), StatusCode = 503 });

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(code));

        Assert.Equal(expected, error.Kind);
        Assert.Equal(1, Emulator.GetRequestCount(Token));
        Assert.Equal(0, Emulator.CodeReplays);
    }

    [Theory]
    [MemberData(nameof(AnswerLostAfterProcessing))]
    public async Task Refresh_AnswerLostAfterQqUsedTheRefreshToken_FailsWithoutReplayingIt(EmulatorFaultKind fault, QqConnectErrorKind expected)
    {
        using var setup = Setup();
        using var client = Client();
        var token = await setup.ExchangeCodeAsync(LoginFlow.Authorize(setup, Emulator, 0));
        Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = fault, Phase = EmulatorFaultPhase.AfterProcessing, Delay = LatencyOnly(fault), StatusCode = 502 });

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.RefreshAsync(token.RefreshToken!));

        Assert.Equal(expected, error.Kind);
        Assert.Equal(2, Emulator.GetRequestCount(Token));
        Assert.Equal(0, Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task GetUserInfo_TransientFailuresBeforeProcessing_AreRetriedToSuccess()
    {
        using var setup = Setup();
        using var client = Client();
        var token = await setup.ExchangeCodeAsync(LoginFlow.Authorize(setup, Emulator, 1));
        var openId = await setup.GetOpenIdAsync(token.AccessToken);
        Emulator.Faults.Add(new EmulatorFault { Endpoint = "/user/get_user_info", Kind = EmulatorFaultKind.ServerError, StatusCode = 503 });
        Emulator.Faults.Add(new EmulatorFault { Endpoint = "/user/get_user_info", Kind = EmulatorFaultKind.DropConnection });

        var user = await client.GetUserInfoAsync(token.AccessToken, openId.OpenId);

        Assert.Equal(Emulator.Users[1].Nickname, user.Nickname);
        Assert.Equal(3, Emulator.GetRequestCount("/user/get_user_info"));
    }

    [Fact]
    public async Task GetOpenId_SlowAnswerAfterProcessing_IsRetriedBecauseReadsAreIdempotent()
    {
        using var setup = Setup();
        using var client = Client();
        var token = await setup.ExchangeCodeAsync(LoginFlow.Authorize(setup, Emulator, 0));
        Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.Latency, Phase = EmulatorFaultPhase.AfterProcessing, Delay = TimeSpan.FromSeconds(4) });

        var openId = await client.GetOpenIdAsync(token.AccessToken);

        Assert.Equal(Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), openId.OpenId);
        Assert.Equal(2, Emulator.GetRequestCount("/oauth2.0/me"));
    }

    [Fact]
    public async Task GetOpenId_OversizedBody_ThrowsResponseTooLarge()
    {
        using var setup = Setup();
        using var client = Client(o => o.Resilience.MaxRetryAttempts = 0);
        var token = await setup.ExchangeCodeAsync(LoginFlow.Authorize(setup, Emulator, 0));
        Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.OversizedBody, PaddingBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(token.AccessToken));

        Assert.Equal(QqConnectErrorKind.ResponseTooLarge, error.Kind);
    }

    [Fact]
    public async Task ExchangeCode_SlowBodyWithinTheTimeout_Succeeds()
    {
        using var client = Client(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10));
        var code = LoginFlow.Authorize(client, Emulator, 0);
        Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.SlowBody, ChunkSize = 16, Delay = TimeSpan.FromMilliseconds(5) });

        var token = await client.ExchangeCodeAsync(code);

        Assert.NotNull(token.RefreshToken);
        Assert.Equal(0, Emulator.CodeReplays);
    }
}
