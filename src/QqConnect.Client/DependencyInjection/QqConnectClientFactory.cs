using System.Collections.Concurrent;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;
using QqConnect.Client.Transport;

namespace QqConnect.Client.DependencyInjection;

/// <summary>Creates clients from <c>IHttpClientFactory</c> and the named options.</summary>
internal sealed class QqConnectClientFactory : IQqConnectClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IHttpMessageHandlerFactory _handlerFactory;
    private readonly IOptionsMonitor<HttpClientFactoryOptions> _httpClientOptions;
    private readonly IOptionsMonitor<QqConnectOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<QqConnectClient> _logger;
    private readonly QqConnectTelemetry _telemetry;

    // Per app name, the parts every client of that app shares (endpoints, resilience pipelines, accepted app ids),
    // built from the options instance the monitor gives; rebuilt when it gives another (a configuration reload).
    private readonly ConcurrentDictionary<string, App> _apps = new(StringComparer.Ordinal);

    public QqConnectClientFactory(
        IHttpClientFactory httpClientFactory,
        IHttpMessageHandlerFactory handlerFactory,
        IOptionsMonitor<HttpClientFactoryOptions> httpClientOptions,
        IOptionsMonitor<QqConnectOptions> options,
        TimeProvider timeProvider,
        ILogger<QqConnectClient> logger,
        QqConnectTelemetry telemetry)
    {
        _telemetry = telemetry;
        _httpClientFactory = httpClientFactory;
        _handlerFactory = handlerFactory;
        _httpClientOptions = httpClientOptions;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The name of the <c>IHttpClientFactory</c> client behind the app named <paramref name="name"/>.</summary>
    public static string HttpClientName(string name) => name.Length == 0 ? "QqConnect" : "QqConnect:" + name;

    public IQqConnectClient CreateClient(string name)
    {
        Guard.NotNull(name, nameof(name));
        var options = _options.Get(name);
        if (!_apps.TryGetValue(name, out var app) || !ReferenceEquals(app.Setup.Options, options))
        {
            // Two threads may both build after a reload; either result is right and the last one stays.
            var httpClientName = HttpClientName(name);
            app = new App(new AppCallSetup(options, _timeProvider, _logger, _telemetry), httpClientName, IsPlain(_httpClientOptions.Get(httpClientName)));
            _apps[name] = app;
        }

        return new QqConnectClient(_httpClientFactory, app.PlainHttpClient ? _handlerFactory : null, app.HttpClientName, app.Setup);
    }

    // Whether the registration's HttpClient carries nothing but the SDK's own setting (no timeout of its own). Then
    // calls go straight to the registration's handler pipeline (every AddHttpMessageHandler and the primary handler,
    // as IHttpClientFactory builds them) through an HttpMessageInvoker: HttpClient would only add a cancellation source
    // linked to two tokens per request. Anything a user set on the HttpClient (ConfigureHttpClient, or
    // ConfigureHttpClientDefaults: default headers, a timeout, a version) keeps the HttpClient.
    private static bool IsPlain(HttpClientFactoryOptions options)
    {
        Action<HttpClient> own = SdkHttpDefaults.Configure;
        foreach (var action in options.HttpClientActions)
        {
            if (!own.Equals(action))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class App
    {
        public App(AppCallSetup setup, string httpClientName, bool plainHttpClient)
        {
            Setup = setup;
            HttpClientName = httpClientName;
            PlainHttpClient = plainHttpClient;
        }

        public bool PlainHttpClient { get; }

        public AppCallSetup Setup { get; }

        public string HttpClientName { get; }
    }
}
