using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// The first attempt runs under one timer of its own (the attempt timeout, or the total timeout when that is
/// shorter or resilience is off) and only a failed first attempt enters the retry pipeline, with what is left of
/// the total timeout. These pin what that split must keep: the client's clock, the remaining budget, the reuse of
/// a timer that never fired, and the retry log numbering.
/// </summary>
public sealed class FirstAttemptTimerTests
{
    private readonly ScriptedNetwork _network = new();

    [Fact]
    public async Task GetOpenId_ResilienceOff_TimesOutOnTheClientsClock()
    {
        _network.ThenHang();
        var clock = new FakeTimeProvider();
        using var client = new QqConnectClient(new HttpClient(_network), TestApp.Options(o =>
        {
            o.Resilience.Enabled = false;
            o.Resilience.TotalTimeout = TimeSpan.FromHours(1);
        }), clock, logger: null);

        var call = client.GetOpenIdAsync(TestApp.AccessToken);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<QqConnectException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task ExchangeCode_AttemptTimeoutOnTheClientsClock_EndsTheCallWithoutASecondRequest()
    {
        _network.ThenHang().ThenAnswer("token/form-success.txt");
        var clock = new FakeTimeProvider();
        using var client = new QqConnectClient(new HttpClient(_network), TestApp.Options(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(10);
            o.Resilience.TotalTimeout = TimeSpan.FromHours(1);
        }), clock, logger: null);

        var call = client.ExchangeCodeAsync(TestApp.Code);
        clock.Advance(TimeSpan.FromMinutes(10));
        var error = await Assert.ThrowsAsync<QqConnectException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(1, _network.Requests);
    }

    [Fact]
    public async Task GetOpenId_AttemptTimedOut_RetryGetsOnlyWhatIsLeftOfTheTotalTimeout()
    {
        // Attempt 10 min, total 15 min, on a fake clock: the first attempt times out at 10 min, the retry starts,
        // and the call ends at 15 min (the total), long before the retry's own 10-minute attempt timeout.
        _network.ThenHang().ThenHang().ThenHang();
        var clock = new FakeTimeProvider();
        using var client = new QqConnectClient(new HttpClient(_network), TestApp.Options(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(10);
            o.Resilience.TotalTimeout = TimeSpan.FromMinutes(15);
            o.Resilience.RetryBaseDelay = TimeSpan.FromSeconds(1);
        }), clock, logger: null);

        var call = client.GetOpenIdAsync(TestApp.AccessToken);
        clock.Advance(TimeSpan.FromMinutes(10));
        // The retry waits its jittered delay on the same clock: step the clock until the second request is sent.
        for (var step = 0; step < 300 && _network.Requests < 2; step++)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(2, _network.Requests);
        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<QqConnectException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(2, _network.Requests);
    }

    [Fact]
    public async Task Calls_AfterSuccessesAndACancellation_StillTimeOut()
    {
        // Successful calls hand their timer back for reuse; a cancelled one must not poison the next call.
        _network.ThenAnswer("me/jsonp-success.txt").ThenAnswer("me/jsonp-success.txt").ThenHang().ThenHang();
        using var client = new QqConnectClient(new HttpClient(_network), TestApp.Options(o =>
        {
            o.Resilience.Enabled = false;
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
        }));

        await client.GetOpenIdAsync(TestApp.AccessToken);
        await client.GetOpenIdAsync(TestApp.AccessToken);
        using (var cancellation = new CancellationTokenSource())
        {
            // Cancelled while its request hangs, by the caller, not by a timer racing the SDK's on a busy machine.
            var cancelled = client.GetOpenIdAsync(TestApp.AccessToken, cancellation.Token);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.Equal(4, _network.Requests);
    }

    // The numbering is Polly's zero-based AttemptNumber + 1, as it was with the single pipeline: the failed first
    // attempt, replayed into the retry pipeline, is that pipeline's attempt 0.
    [Fact]
    public async Task GetUserInfo_TwoServerErrors_LogsTwoRetriesNumberedAsBefore()
    {
        _network.ThenStatus(System.Net.HttpStatusCode.BadGateway).ThenStatus(System.Net.HttpStatusCode.ServiceUnavailable)
            .ThenAnswer("userinfo/full-pretty.json");
        var logger = new RetryLogger();
        using var client = new QqConnectClient(new HttpClient(_network), TestApp.Options(o => o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1)), null, logger);

        await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal(3, _network.Requests);
        Assert.Collection(
            logger.Retries,
            first => Assert.Contains("attempt 1 ", first, StringComparison.Ordinal),
            second => Assert.Contains("attempt 2 ", second, StringComparison.Ordinal));
        Assert.Contains("HttpStatus 502", logger.Retries[0], StringComparison.Ordinal);
        Assert.Contains("HttpStatus 503", logger.Retries[1], StringComparison.Ordinal);
    }

    private sealed class RetryLogger : ILogger<QqConnectClient>
    {
        public List<string> Retries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "RetryScheduled")
            {
                lock (Retries)
                {
                    Retries.Add(formatter(state, exception));
                }
            }
        }
    }
}
