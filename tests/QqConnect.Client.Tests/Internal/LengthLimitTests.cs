using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QqConnect.Client.Configuration;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Internal;

/// <summary>
/// QQ refuses a state or redirect_uri over 500 bytes with 100010. The SDK measures a value as it sends it:
/// percent-encoded (Uri.EscapeDataString), in bytes, and refuses a longer one before any request.
/// </summary>
public sealed class LengthLimitTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    private static string RedirectOfEncodedLength(int bytes)
    {
        const string prefix = "https://example.com/cb?x=";
        return prefix + new string('a', bytes - Uri.EscapeDataString(prefix).Length);
    }

    [Fact]
    public void BuildAuthorizeUrl_StateOf500Bytes_IsAccepted()
    {
        using var client = TestApp.Client(_network);

        var url = client.BuildAuthorizeUrl(new string('s', 500));

        Assert.EndsWith("&state=" + new string('s', 500), url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAuthorizeUrl_StateOver500Bytes_ThrowsArgumentExceptionNamingQqsLimit()
    {
        using var client = TestApp.Client(_network);

        var error = Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(new string('s', 501)));

        Assert.Contains("500 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("100010", error.Message, StringComparison.Ordinal);
        Assert.Equal("State", error.ParamName);
    }

    [Fact]
    public void BuildAuthorizeUrl_NonAsciiStateCountsItsEncodedBytes_Throws()
    {
        using var client = TestApp.Client(_network);

        // 56 characters, 168 UTF-8 bytes, 504 bytes as sent.
        var error = Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(new string('订', 56)));

        Assert.Contains("504", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAuthorizeUrl_RedirectUriOver500Bytes_ThrowsArgumentException()
    {
        using var client = TestApp.Client(_network);

        var error = Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(new QqAuthorizeRequest("s") { RedirectUri = RedirectOfEncodedLength(501) }));

        Assert.Contains("500 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal("RedirectUri", error.ParamName);
    }

    [Fact]
    public void BuildAuthorizeUrl_RedirectUriOf500Bytes_IsAccepted()
    {
        using var client = TestApp.Client(_network);

        var url = client.BuildAuthorizeUrl(new QqAuthorizeRequest("s") { RedirectUri = RedirectOfEncodedLength(500) });

        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(RedirectOfEncodedLength(500)) + "&", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_RedirectUriOver500Bytes_ThrowsBeforeAnyRequest()
    {
        using var client = TestApp.Client(_network);

        await Assert.ThrowsAsync<ArgumentException>(() => client.ExchangeCodeAsync(TestApp.Code, RedirectOfEncodedLength(501)));
    }

    [Fact]
    public void Options_RedirectUriOver500Bytes_IsRefused()
    {
        var failures = QqConnectOptionsValidator.Check(TestApp.Options(o => o.RedirectUri = RedirectOfEncodedLength(501)));

        var failure = Assert.Single(failures);
        Assert.Contains("500 bytes", failure, StringComparison.Ordinal);
        Assert.Contains("100010", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RedirectUriOf500Bytes_IsAccepted()
    {
        Assert.Empty(QqConnectOptionsValidator.Check(TestApp.Options(o => o.RedirectUri = RedirectOfEncodedLength(500))));
    }

    [Fact]
    public void StartUp_RedirectUriWithFragment_LogsAWarning()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        services.AddQqConnectClient(o =>
        {
            o.AppId = TestApp.AppId;
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = "https://example.com/signin-qq#top";
        });
        using var provider = services.BuildServiceProvider();

        _ = provider.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().Get(Options.DefaultName);

        var warning = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("fragment", warning.Message, StringComparison.Ordinal);
        Assert.Contains("100010", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_PlainRedirectUri_LogsNoWarning()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        services.AddQqConnectClient(o =>
        {
            o.AppId = TestApp.AppId;
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = TestApp.RedirectUri;
        });
        using var provider = services.BuildServiceProvider();

        _ = provider.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().Get(Options.DefaultName);

        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Entries)
                {
                    owner.Entries.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
