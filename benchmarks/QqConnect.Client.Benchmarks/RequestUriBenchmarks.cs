using BenchmarkDotNet.Attributes;
using QqConnect.Client.Benchmarks.Canned;
using QqConnect.Client.Transport;

namespace QqConnect.Client.Benchmarks;

/// <summary>
/// The URI of the login's token request, from its arguments to the path and query a handler writes on the wire
/// (<see cref="Uri.PathAndQuery"/>): the floor's string (<see cref="RawLogin.TokenUri"/>) parsed in full, as
/// <c>HttpClient.GetByteArrayAsync(string)</c> does it, against the SDK's endpoint (escaped parts, no
/// canonicalisation of the path and query on .NET 6+). Both give the same path and query, checked in setup.
/// </summary>
[MemoryDiagnoser]
public class RequestUriBuilding
{
    private static readonly Uri BaseAddress = new("https://graph.qq.com/");
    private QqEndpoints _endpoints = null!;
    private HttpClient _floorHttp = null!;
    private RawLogin _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _endpoints = new AppCallSetup(CannedAnswers.Options(BaseAddress), null, null, null).Endpoints;
        _floorHttp = new HttpClient(new CannedHandler());
        _floor = CannedAnswers.Raw(_floorHttp, BaseAddress);
        var expected = FullParse();
        if (!string.Equals(expected, Sdk(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The SDK's token URI is {Sdk()}, the parsed one {expected}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _floorHttp.Dispose();

    [Benchmark(Baseline = true, Description = "the floor's string, new Uri(string) (HttpClient's way)")]
    public string FullParse() => new Uri(_floor.TokenUri(CannedAnswers.Code), UriKind.Absolute).PathAndQuery;

    [Benchmark(Description = "SDK endpoint")]
    public string Sdk() => _endpoints.ExchangeCode(CannedAnswers.Code, redirectUri: null).Uri.PathAndQuery;
}
