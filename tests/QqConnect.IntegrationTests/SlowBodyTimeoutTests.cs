using System.Diagnostics;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.IntegrationTests;

/// <summary>
/// A server that sends the headers and then one byte every 500 ms (the emulator's SlowBody fault over real
/// sockets). The call must end within the configured total time, with a Timeout failure, resilience on or off:
/// HttpClient.Timeout does not cover a body read after ResponseHeadersRead.
/// </summary>
public sealed class SlowBodyTimeoutTests : IAsyncLifetime
{
    private QqConnectEmulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetOpenId_BodyTrickling_EndsWithTimeoutWithinTheTotalTimeout(bool resilience)
    {
        using var setup = new QqConnectClient(LoginFlow.Options(_server.BaseAddress));
        var token = await setup.ExchangeCodeAsync(LoginFlow.Authorize(setup, _server.Emulator, 0));
        using var client = new QqConnectClient(LoginFlow.Options(_server.BaseAddress, o =>
        {
            o.Resilience.Enabled = resilience;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(2);
        }));
        // /me answers ~70 bytes: at one byte per 500 ms that is over half a minute.
        _server.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.SlowBody, ChunkSize = 1, Delay = TimeSpan.FromMilliseconds(500), Count = int.MaxValue,
        });
        var clock = Stopwatch.StartNew();

        var call = client.GetOpenIdAsync(token.AccessToken);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(15)));

        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<QqConnectException>(() => call);
        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }
}
