using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace QqConnect.Client.Diagnostics;

/// <summary>
/// The SDK's traces and metrics, both named <see cref="Name"/>: a span per call, and counters and a histogram
/// of calls, errors by QQ code, and duration. Tags carry the call, the HTTP status and QQ's error code —
/// never a URL, a token or the app key.
/// </summary>
internal sealed class QqConnectTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "QqConnect.Client";

    private static readonly string? Version = typeof(QqConnectTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>Used by clients created without dependency injection.</summary>
    public static readonly QqConnectTelemetry Shared = new(new Meter(Name, Version));

    private static readonly ActivitySource Source = new(Name, Version);

    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public QqConnectTelemetry(Meter meter)
    {
        _calls = meter.CreateCounter<long>("qqconnect.client.calls", unit: "{call}", description: "QQ Connect calls, by operation and outcome.");
        _errors = meter.CreateCounter<long>("qqconnect.client.errors", unit: "{error}", description: "Failed QQ Connect calls, by operation, failure kind and QQ error code.");
        _duration = meter.CreateHistogram<double>("qqconnect.client.duration", unit: "s", description: "Duration of QQ Connect calls, retries included.");
    }

    /// <summary>Starts the span of a call; <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartCall(QqConnectOperation operation)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(SpanName(operation), ActivityKind.Client);
        activity?.SetTag("qqconnect.operation", OperationName(operation));
        return activity;
    }

    // Cached names, so that a call with telemetry on allocates no strings for its tags.
    private static string SpanName(QqConnectOperation operation) => operation switch
    {
        QqConnectOperation.ExchangeCode => "QqConnect ExchangeCode",
        QqConnectOperation.Refresh => "QqConnect Refresh",
        QqConnectOperation.GetOpenId => "QqConnect GetOpenId",
        QqConnectOperation.GetUserInfo => "QqConnect GetUserInfo",
        _ => "QqConnect " + operation,
    };

    private static string OperationName(QqConnectOperation operation) => operation switch
    {
        QqConnectOperation.ExchangeCode => "ExchangeCode",
        QqConnectOperation.Refresh => "Refresh",
        QqConnectOperation.GetOpenId => "GetOpenId",
        QqConnectOperation.GetUserInfo => "GetUserInfo",
        _ => operation.ToString(),
    };

    /// <summary>Whether a call's count or duration is recorded (a <see cref="MeterListener"/> listens).</summary>
    public bool IsRecording => _calls.Enabled || _duration.Enabled;

    public void Succeeded(Activity? activity, QqConnectOperation operation, int statusCode, TimeSpan elapsed)
    {
        activity?.SetTag("http.response.status_code", statusCode);
        RecordCall(OperationName(operation), "success", elapsed);
    }

    public void Failed(Activity? activity, QqConnectException failure, TimeSpan elapsed)
    {
        var code = failure is QqConnectApiException api ? api.ErrorCode.ToString(CultureInfo.InvariantCulture) : null;
        if (activity is not null)
        {
            if (failure.StatusCode is { } status)
            {
                activity.SetTag("http.response.status_code", (int)status);
            }

            activity.SetTag("error.type", failure.Kind.ToString());
            if (code is not null)
            {
                activity.SetTag("qqconnect.error_code", code);
            }

            activity.SetStatus(ActivityStatusCode.Error, failure.Kind.ToString());
        }

        var operation = OperationName(failure.Operation);
        RecordCall(operation, "failure", elapsed);
        _errors.Add(1, new TagList { { "qqconnect.operation", operation }, { "error.type", failure.Kind.ToString() }, { "qqconnect.error_code", code ?? "none" } });
    }

    // One call's count and duration, with the same tags on both.
    private void RecordCall(string operation, string outcome, TimeSpan elapsed)
    {
        if (!_calls.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "qqconnect.operation", operation }, { "qqconnect.outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
