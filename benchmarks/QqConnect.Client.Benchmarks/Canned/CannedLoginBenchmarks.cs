using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.Client.Benchmarks.Canned;

/// <summary>
/// The full login (code → token → openid → user info, <c>fmt=json</c>) against canned answers in process: the SDK
/// as an app gets it (<c>AddQqConnectClient</c>, defaults: IHttpClientFactory, resilience, logging and metrics
/// wired) against a bare <see cref="HttpClient"/> over the same handler. No emulator, no sockets: what is left is
/// the client's own work.
/// </summary>
[MemoryDiagnoser]
public class CannedLoginInProcess
{
    private static readonly Uri BaseAddress = new("https://graph.qq.com/");
    private ServiceProvider _services = null!;
    private ServiceProvider _servicesNoResilience = null!;
    private IQqConnectClient _client = null!;
    private IQqConnectClient _noResilience = null!;
    private HttpClient _rawHttp = null!;
    private RawLogin _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Services(resilience: true);
        _servicesNoResilience = Services(resilience: false);
        _client = _services.GetRequiredService<IQqConnectClient>();
        _noResilience = _servicesNoResilience.GetRequiredService<IQqConnectClient>();
        _rawHttp = new HttpClient(new CannedHandler());
        _raw = CannedAnswers.Raw(_rawHttp, BaseAddress);
        var raw = RawHttpClient().GetAwaiter().GetResult();
        Same.Check("the SDK", raw, UserValues.From(Sdk().GetAwaiter().GetResult()));
        Same.Check("the SDK without resilience", raw, UserValues.From(SdkWithoutResilience().GetAwaiter().GetResult()));
        Same.Check("the SDK resolved per login", raw, UserValues.From(SdkResolvedPerLogin().GetAwaiter().GetResult()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _servicesNoResilience.Dispose();
        _rawHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient (floor)")]
    public Task<UserValues> RawHttpClient() => _raw.LoginAsync(CannedAnswers.Code);

    [Benchmark(Description = "SDK via DI (defaults)")]
    public Task<QqUserInfo> Sdk() => LoginAsync(_client);

    [Benchmark(Description = "SDK via DI, Resilience.Enabled = false")]
    public Task<QqUserInfo> SdkWithoutResilience() => LoginAsync(_noResilience);

    [Benchmark(Description = "SDK via DI, IQqConnectClient resolved per login")]
    public Task<QqUserInfo> SdkResolvedPerLogin() => LoginAsync(_services.GetRequiredService<IQqConnectClient>());

    internal static async Task<QqUserInfo> LoginAsync(IQqConnectClient client)
    {
        var token = await client.ExchangeCodeAsync(CannedAnswers.Code);
        var openId = await client.GetOpenIdAsync(token.AccessToken);
        return await client.GetUserInfoAsync(token.AccessToken, openId.OpenId);
    }

    /// <summary>The SDK as an app registers it, over <paramref name="primary"/> (default: a <see cref="CannedHandler"/>).</summary>
    internal static ServiceProvider Services(bool resilience, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        services.AddQqConnectClient(options =>
        {
            var canned = CannedAnswers.Options(BaseAddress);
            options.AppId = canned.AppId;
            options.AppKey = canned.AppKey;
            options.RedirectUri = canned.RedirectUri;
            options.BaseAddress = canned.BaseAddress;
            options.Resilience.Enabled = resilience;
        }).ConfigurePrimaryHttpMessageHandler(primary ?? (() => new CannedHandler()));
        return services.BuildServiceProvider();
    }
}

/// <summary>
/// The full login over loopback TCP to a minimal Kestrel server with canned answers (in this process): the SDK
/// through DI with its defaults (its own primary handler, decompression on) against a bare
/// <see cref="HttpClient"/> with its own <see cref="SocketsHttpHandler"/>.
/// </summary>
[MemoryDiagnoser]
public class CannedLoginLoopback
{
    private CannedServer _server = null!;
    private ServiceProvider _services = null!;
    private IQqConnectClient _client = null!;
    private HttpClient _rawHttp = null!;
    private RawLogin _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = CannedServer.StartAsync().GetAwaiter().GetResult();
        var services = new ServiceCollection();
        services.AddQqConnectClient(options =>
        {
            var canned = CannedAnswers.Options(_server.BaseAddress);
            options.AppId = canned.AppId;
            options.AppKey = canned.AppKey;
            options.RedirectUri = canned.RedirectUri;
            options.BaseAddress = canned.BaseAddress;
        });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IQqConnectClient>();
        _rawHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _raw = CannedAnswers.Raw(_rawHttp, _server.BaseAddress);
        var raw = RawHttpClient().GetAwaiter().GetResult();
        Same.Check("the SDK", raw, UserValues.From(Sdk().GetAwaiter().GetResult()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _rawHttp.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient, own SocketsHttpHandler (floor)")]
    public Task<UserValues> RawHttpClient() => _raw.LoginAsync(CannedAnswers.Code);

    [Benchmark(Description = "SDK via DI (defaults)")]
    public Task<QqUserInfo> Sdk() => CannedLoginInProcess.LoginAsync(_client);
}
