using BenchmarkDotNet.Attributes;
using QqConnect.Client.Benchmarks.Canned;
using QqConnect.Client.Transport;

namespace QqConnect.Client.Benchmarks;

/// <summary>
/// The URI of the login's token request, from its arguments to the path and query a handler writes on the wire
/// (<see cref="Uri.PathAndQuery"/>): concatenated and parsed in full, as <c>HttpClient.GetAsync(string)</c> does
/// it, against the SDK's endpoint (escaped parts, no canonicalisation of the path and query on .NET 6+). Both
/// produce the same path and query, checked in setup.
/// </summary>
[MemoryDiagnoser]
public class RequestUriBuilding
{
    private const string Prefix =
        "https://graph.qq.com/oauth2.0/token?grant_type=authorization_code&client_id=" + CannedAnswers.AppId + "&client_secret=" + CannedAnswers.AppKey + "&code=";

    private QqEndpoints _endpoints = null!;

    [GlobalSetup]
    public void Setup()
    {
        _endpoints = new ClientCore(CannedAnswers.Options(new Uri("https://graph.qq.com/")), null, null, null).Endpoints;
        var expected = FullParse();
        if (!string.Equals(expected, Sdk(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The SDK's token URI is {Sdk()}, the parsed one {expected}.");
        }
    }

    [Benchmark(Baseline = true, Description = "concatenated, new Uri(string) (HttpClient's way)")]
    public string FullParse() =>
        new Uri(Prefix + Uri.EscapeDataString(CannedAnswers.Code) + "&redirect_uri=" + Uri.EscapeDataString(CannedAnswers.RedirectUri) + "&fmt=json", UriKind.Absolute).PathAndQuery;

    [Benchmark(Description = "SDK endpoint")]
    public string Sdk() => _endpoints.ExchangeCode(CannedAnswers.Code, redirectUri: null).Uri.PathAndQuery;
}
