using Microsoft.Extensions.Logging;
using QqConnect.Client.Configuration;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Transport;

/// <summary>
/// What every client of one app shares, built once from its validated options: the endpoints (escaped URI
/// prefixes), the resilience pipelines, the accepted app ids, the clock, the logger and the telemetry. A client
/// adds only its <see cref="HttpClient"/> and its disposed flag, so the DI factory, which makes a client per
/// resolution, builds this once per options instance instead of per client.
/// </summary>
internal sealed class AppCallSetup
{
    public AppCallSetup(QqConnectOptions options, TimeProvider? timeProvider, ILogger? logger, QqConnectTelemetry? telemetry)
    {
        QqConnectOptionsValidator.ThrowIfInvalid(options);
        Options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Telemetry = telemetry ?? QqConnectTelemetry.Shared;
        MaxResponseBodySize = options.MaxResponseBodySize;
        Endpoints = new QqEndpoints(options, new TokenAppCheck(options.AppId, options.AcceptedAppIds));
        Resilience = CallResilience.Create(options.Resilience, TimeProvider, Logger);
    }

    /// <summary>The options this was built from (the DI factory rebuilds when the options monitor gives another instance).</summary>
    public QqConnectOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public QqConnectTelemetry Telemetry { get; }

    public int MaxResponseBodySize { get; }

    public QqEndpoints Endpoints { get; }

    public CallResilience Resilience { get; }
}
