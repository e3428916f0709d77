using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;

namespace QqConnect.Client.DependencyInjection;

/// <summary>Creates clients from <c>IHttpClientFactory</c> and the named options.</summary>
internal sealed class QqConnectClientFactory : IQqConnectClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<QqConnectOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<QqConnectClient> _logger;
    private readonly QqConnectTelemetry _telemetry;

    public QqConnectClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<QqConnectOptions> options,
        TimeProvider timeProvider,
        ILogger<QqConnectClient> logger,
        QqConnectTelemetry telemetry)
    {
        _telemetry = telemetry;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The name of the <c>IHttpClientFactory</c> client behind the app named <paramref name="name"/>.</summary>
    public static string HttpClientName(string name) => name.Length == 0 ? "QqConnect" : "QqConnect:" + name;

    public IQqConnectClient CreateClient(string name)
    {
        Guard.NotNull(name, nameof(name));
        return new QqConnectClient(_httpClientFactory.CreateClient(HttpClientName(name)), _options.Get(name), _timeProvider, _logger, ownsHttpClient: false, _telemetry);
    }
}
