using System.Net;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// Idempotency decides what is retried: reads retry transient failures; the code exchange and the refresh
/// consume single-use values and retry only when the request provably never reached QQ. Proved by counting requests.
/// </summary>
public sealed class ResilienceTests
{
    private readonly ScriptedNetwork _network = new();

    private QqConnectClient Client(Action<QqConnectResilienceOptions>? configure = null) =>
        new(new HttpClient(_network), TestApp.Options(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(o.Resilience);
        }));

    [Fact]
    public async Task ExchangeCode_FirstAttemptTimesOut_NeverSendsTheCodeTwice()
    {
        _network.ThenHang().ThenAnswer("token/form-success.txt");
        using var client = Client();

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task ExchangeCode_ConnectionRefusedFirst_IsRetriedAndSucceeds()
    {
        _network.ThenRefused().ThenAnswer("token/form-success.txt");
        using var client = Client();

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.AccessToken, token.AccessToken);
        Assert.Equal(2, _network.Requests);
    }

    [Fact]
    public async Task ExchangeCode_NameResolutionFailedFirst_IsRetriedAndSucceeds()
    {
        _network.ThenDnsFailure().ThenAnswer("token/form-success.txt");
        using var client = Client();

        await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(2, _network.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task ExchangeCode_ServerErrorStatus_IsNotRetried(HttpStatusCode status)
    {
        _network.ThenStatus(status).ThenAnswer("token/form-success.txt");
        using var client = Client();

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task ExchangeCode_ResetMidRequest_IsNotRetried()
    {
        _network.ThenReset().ThenAnswer("token/form-success.txt");
        using var client = Client();

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.Transport, error.Kind);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task Refresh_FirstAttemptTimesOut_NeverSendsTheRefreshTokenTwice()
    {
        _network.ThenHang().ThenAnswer("token/form-success.txt");
        using var client = Client();

        await Assert.ThrowsAsync<QqConnectException>(() => client.RefreshAsync(TestApp.RefreshToken));

        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task Refresh_ConnectionRefusedFirst_IsRetriedAndSucceeds()
    {
        _network.ThenRefused().ThenAnswer("token/json-success-string-expires.txt");
        using var client = Client();

        await client.RefreshAsync(TestApp.RefreshToken);

        Assert.Equal(2, _network.Requests);
    }

    [Fact]
    public async Task GetUserInfo_TwoServerErrors_IsRetriedAndSucceeds()
    {
        _network.ThenStatus(HttpStatusCode.ServiceUnavailable).ThenStatus(HttpStatusCode.BadGateway).ThenAnswer("userinfo/full-pretty.json");
        using var client = Client();

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal("小明", user.Nickname);
        Assert.Equal(3, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_AttemptTimeoutThenAnswer_IsRetriedAndSucceeds()
    {
        _network.ThenHang().ThenAnswer("me/jsonp-success.txt");
        using var client = Client();

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(TestApp.OpenId, openId.OpenId);
        Assert.Equal(2, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_ResetThenAnswer_IsRetried()
    {
        _network.ThenReset().ThenAnswer("me/jsonp-success.txt");
        using var client = Client();

        await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(2, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_RetriesExhausted_ThrowsTheLastFailure()
    {
        _network.ThenStatus(HttpStatusCode.ServiceUnavailable).ThenStatus(HttpStatusCode.ServiceUnavailable).ThenStatus(HttpStatusCode.BadGateway);
        using var client = Client(r => r.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_QqErrorAnswer_IsNotRetried()
    {
        _network.ThenAnswer("me/jsonp-error-100016.txt");
        using var client = Client();

        await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_ResilienceDisabled_IsNotRetried()
    {
        _network.ThenStatus(HttpStatusCode.ServiceUnavailable);
        using var client = Client(r => r.Enabled = false);

        await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_TotalTimeoutBeforeRetriesEnd_ThrowsTimeout()
    {
        _network.ThenHang().ThenHang().ThenHang();
        using var client = Client(r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(5);
            r.TotalTimeout = TimeSpan.FromSeconds(1);
        });

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_CallerCancelsDuringAnAttempt_ThrowsOperationCanceledAndStops()
    {
        _network.ThenHang().ThenAnswer("me/jsonp-success.txt");
        using var client = Client(r => r.AttemptTimeout = TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetOpenIdAsync(TestApp.AccessToken, cancellation.Token));

        Assert.Equal(1, _network.Requests);
    }
}
