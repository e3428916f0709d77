using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Diagnostics;

public sealed class TelemetryTests
{
    [Fact]
    public async Task AnyCall_Success_RecordsASpanWithOperationAndStatus()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/jsonp-success.txt");
        using var client = TestApp.Client(network);

        var spans = await CaptureSpansAsync(() => client.GetOpenIdAsync(TestApp.AccessToken));

        var span = Assert.Single(spans);
        Assert.Equal("QqConnect GetOpenId", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GetOpenId", span.GetTagItem("qqconnect.operation"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task AnyCall_QqError_RecordsErrorCodeAndErrorStatus()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/json-error-100020.txt");
        using var client = TestApp.Client(network);

        var spans = await CaptureSpansAsync(() => Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code)));

        var span = Assert.Single(spans);
        Assert.Equal("100020", span.GetTagItem("qqconnect.error_code"));
        Assert.Equal("ApiError", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        foreach (var tag in span.TagObjects)
        {
            TestApp.AssertNoSecrets(tag.Value?.ToString());
        }
    }

    [Fact]
    public async Task DependencyInjection_Calls_AreCountedOnTheMeterFromIMeterFactory()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/json-success.txt");
        network.Expect($"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/jsonp-error-100016.txt");
        var services = new ServiceCollection();
        services.AddQqConnectClient(o =>
        {
            o.AppId = TestApp.AppId;
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = TestApp.RedirectUri;
        }).ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "QqConnect.Client" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        var client = provider.GetRequiredService<IQqConnectClient>();

        await client.GetOpenIdAsync(TestApp.AccessToken);
        await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        var calls = measurements.Where(m => m.Instrument == "qqconnect.client.calls").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Contains(calls, m => (string?)m.Tags["qqconnect.outcome"] == "success");
        var error = Assert.Single(measurements, m => m.Instrument == "qqconnect.client.errors");
        Assert.Equal("100016", error.Tags["qqconnect.error_code"]);
        Assert.Equal("GetOpenId", error.Tags["qqconnect.operation"]);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "qqconnect.client.duration"));
        Assert.All(measurements.Where(m => m.Instrument == "qqconnect.client.duration"), m => Assert.True(m.Value >= 0));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    /// <summary>Captures the SDK's spans that belong to this test's own trace (other tests run in parallel).</summary>
    private static async Task<List<Activity>> CaptureSpansAsync(Func<Task> action)
    {
        var spans = new ConcurrentQueue<Activity>();
        using var parent = new Activity("test").Start();
        var traceId = parent.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "QqConnect.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        return [.. spans];
    }
}
