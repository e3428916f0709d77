using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

public sealed class FaultTests
{
    private const string Token = "/oauth2.0/token";

    [Fact]
    public async Task LatencyBeforeProcessing_DelaysTheAnswer()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.Latency, Delay = TimeSpan.FromMilliseconds(200) });
        var watch = Stopwatch.StartNew();

        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode()));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"took {watch.Elapsed}");
        Assert.Matches(Harness.TokenForm(), body);
    }

    [Fact]
    public async Task LatencyBeforeProcessing_CancelledByClient_LeavesTheCodeUnused()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.Latency, Delay = TimeSpan.FromSeconds(30) });
        var code = h.NewCode();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative), cts.Token));

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(code)));
        Assert.Equal(0, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task LatencyAfterProcessing_CancelledByClient_HasConsumedTheCodeSoARetryGets100020()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = Token, Kind = EmulatorFaultKind.Latency, Phase = EmulatorFaultPhase.AfterProcessing, Delay = TimeSpan.FromSeconds(30),
        });
        var code = h.NewCode();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative), cts.Token));

        Assert.Equal(Harness.JsonpError(100020, "code is reused error"), await h.GetAsync(Harness.TokenQuery(code)));
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task ServerErrorBeforeProcessing_Returns502HtmlAndLeavesTheCodeUnused()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.ServerError });
        var code = h.NewCode();

        using var response = await h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(code)));
    }

    [Fact]
    public async Task ServerErrorAfterProcessing_Returns503AndHasConsumedTheCode()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = Token, Kind = EmulatorFaultKind.ServerError, Phase = EmulatorFaultPhase.AfterProcessing, StatusCode = 503,
        });
        var code = h.NewCode();

        using var response = await h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(Harness.JsonpError(100020, "code is reused error"), await h.GetAsync(Harness.TokenQuery(code)));
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task DropConnectionBeforeProcessing_ThrowsHttpRequestExceptionLikeAResetAndLeavesTheCodeUnused()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.DropConnection });
        var code = h.NewCode();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));

        var io = Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(io.InnerException).SocketErrorCode);
        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(code)));
    }

    [Fact]
    public async Task DropConnectionAfterProcessing_HasConsumedTheRefreshTokenSoARetryGets100021()
    {
        using var h = new Harness();
        var (_, refresh) = await h.LoginAsync();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.DropConnection, Phase = EmulatorFaultPhase.AfterProcessing });

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.GetAsync(new Uri(Harness.RefreshQuery(refresh), UriKind.Relative)));

        Assert.Equal(Harness.JsonpError(100021, "refresh token is invalid"), await h.GetAsync(Harness.RefreshQuery(refresh)));
        Assert.Equal(1, h.Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task SlowBody_TricklesTheExactBodyInSmallChunks()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.SlowBody, ChunkSize = 5, Delay = TimeSpan.FromMilliseconds(5) });
        var code = h.NewCode();

        using var response = await h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var first = await stream.ReadAsync(buffer);
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);

        Assert.Equal(5, first);
        Assert.Matches(Harness.TokenForm(), Encoding.UTF8.GetString(buffer, 0, first) + Encoding.UTF8.GetString(rest.ToArray()));
    }

    [Fact]
    public async Task SlowBody_ClientTimeoutStrikesWhileTheBodyTrickles()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.SlowBody, ChunkSize = 1, Delay = TimeSpan.FromMilliseconds(50) });
        h.Http.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Http.GetStringAsync(new Uri(Harness.TokenQuery(h.NewCode()), UriKind.Relative)));
    }

    [Fact]
    public async Task OversizedBody_AppendsOneMebibyteOfPaddingToTheRealBody()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.OversizedBody });

        var bytes = await h.Http.GetByteArrayAsync(new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative));

        var real = "callback( {\"client_id\":\"100000001\",\"openid\":\"" + h.Emulator.GetOpenId(Harness.App, 0) + "\"} );\n";
        Assert.Equal(real.Length + (1024 * 1024), bytes.Length);
        Assert.Equal(real, Encoding.UTF8.GetString(bytes, 0, real.Length));
    }

    [Fact]
    public async Task CustomBodyAfterProcessing_ReplacesTheAnswerButConsumesTheCode()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = Token, Kind = EmulatorFaultKind.CustomBody, Phase = EmulatorFaultPhase.AfterProcessing,
            Body = "code=100010&msg=redirect%20uri%20is%20illegal",
        });
        var code = h.NewCode();

        Assert.Equal("code=100010&msg=redirect%20uri%20is%20illegal", await h.GetAsync(Harness.TokenQuery(code)));
        Assert.Equal(Harness.JsonpError(100020, "code is reused error"), await h.GetAsync(Harness.TokenQuery(code)));
    }

    [Fact]
    public async Task Faults_AreConsumedInOrderAndOnlyForTheirEndpoint()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.ServerError, Count = 2 });
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.DropConnection });
        var me = new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative);

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(h.NewCode())));
        Assert.Equal(2, h.Emulator.Faults.Count);
        using (var first = await h.Http.GetAsync(me))
        using (var second = await h.Http.GetAsync(me))
        {
            Assert.Equal(502, (int)first.StatusCode);
            Assert.Equal(502, (int)second.StatusCode);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.GetAsync(me));
        Assert.Equal(0, h.Emulator.Faults.Count);
        Assert.StartsWith("callback(", await h.GetAsync(me.OriginalString), StringComparison.Ordinal);
        Assert.Equal(4, h.Emulator.GetRequestCount("/oauth2.0/me"));
    }

    [Fact]
    public async Task Faults_Clear_RemovesPendingFaults()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError, Count = int.MaxValue });
        h.Emulator.Faults.Clear();

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(h.NewCode())));
    }

    [Fact]
    public void Faults_Add_RejectsANonPositiveCount()
    {
        var emulator = new QqConnectEmulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.Add(new EmulatorFault { Count = 0 }));
    }

    [Fact]
    public async Task FaultTimeProviderOption_PutsInjectedDelaysOnThatClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var h = new Harness(new QqConnectEmulatorOptions { FaultTimeProvider = clock });
        h.Emulator.Faults.Add(new EmulatorFault { Endpoint = Token, Kind = EmulatorFaultKind.Latency, Delay = TimeSpan.FromHours(1) });

        var pending = h.GetAsync(Harness.TokenQuery(h.NewCode()));
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Matches(Harness.TokenForm(), await pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
