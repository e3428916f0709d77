using BenchmarkDotNet.Attributes;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.Client.Benchmarks;

/// <summary>Shared parts of the end-to-end benchmarks: options, and a fresh code per login.</summary>
public abstract class LoginBenchmarkBase
{
    public const string RedirectUri = "http://127.0.0.1:5000/signin-qq";

    // Both sides take a code the same way; the emulator remembers the codes and tokens it issued (up to a limit per
    // user), and is reset now and then all the same (the same on both sides, and never while a login runs).
    private const int ResetEvery = 4096;
    private QqConnectEmulator _emulator = null!;
    private Uri _authorizeUrl = null!;
    private int _logins;

    protected static QqConnectOptions Options(Uri baseAddress) => new()
    {
        AppId = QqConnectEmulatorOptions.DefaultAppId,
        AppKey = QqConnectEmulatorOptions.DefaultAppKey,
        RedirectUri = RedirectUri,
        BaseAddress = baseAddress,
    };

    protected static RawLogin Raw(HttpClient http, Uri baseAddress) =>
        new(http, baseAddress, QqConnectEmulatorOptions.DefaultAppId, QqConnectEmulatorOptions.DefaultAppKey, RedirectUri);

    protected void UseEmulator(QqConnectEmulator emulator, IQqConnectClient client)
    {
        _emulator = emulator;
        _authorizeUrl = client.BuildAuthorizeUrl("bench-state");
    }

    /// <summary>Plays the browser (in-process, no HTTP): a new single-use code.</summary>
    protected string NextCode()
    {
        if (++_logins % ResetEvery == 0)
        {
            _emulator.Reset();
        }

        var query = _emulator.Authorize(_authorizeUrl, userIndex: 0).Query.AsSpan();
        var start = query.IndexOf("code=", StringComparison.Ordinal) + 5;
        var length = query[start..].IndexOf('&');
        return new string(length < 0 ? query[start..] : query.Slice(start, length));
    }

    protected static async Task<QqUserInfo> SdkLoginAsync(IQqConnectClient client, string code)
    {
        var token = await client.ExchangeCodeAsync(code);
        var openId = await client.GetOpenIdAsync(token.AccessToken);
        return await client.GetUserInfoAsync(token.AccessToken, openId.OpenId);
    }

    protected static void CheckSame(QqUserInfo sdk, UserValues raw)
    {
        Same.Check("the raw-HttpClient login", UserValues.From(sdk), raw);
    }
}

/// <summary>The full login (code → token → openid → user info) through the emulator's in-process handler: no sockets.</summary>
[MemoryDiagnoser]
public class LoginInProcess : LoginBenchmarkBase
{
    private static readonly Uri BaseAddress = new("https://graph.qq.com/");
    private QqConnectClient _client = null!;
    private QqConnectClient _noResilience = null!;
    private HttpClient _sdkHttp = null!;
    private HttpClient _rawHttp = null!;
    private RawLogin _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        var emulator = new QqConnectEmulator();
        _sdkHttp = new HttpClient(emulator.CreateHandler());
        _rawHttp = new HttpClient(emulator.CreateHandler());
        _client = new QqConnectClient(_sdkHttp, Options(BaseAddress));
        var options = Options(BaseAddress);
        options.Resilience.Enabled = false;
        _noResilience = new QqConnectClient(_sdkHttp, options);
        _raw = Raw(_rawHttp, BaseAddress);
        UseEmulator(emulator, _client);
        var raw = RawHttpClient().GetAwaiter().GetResult();
        CheckSame(Sdk().GetAwaiter().GetResult(), raw);
        CheckSame(SdkWithoutResilience().GetAwaiter().GetResult(), raw);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _noResilience.Dispose();
        _sdkHttp.Dispose();
        _rawHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient (floor)")]
    public Task<UserValues> RawHttpClient() => _raw.LoginAsync(NextCode());

    [Benchmark(Description = "SDK")]
    public Task<QqUserInfo> Sdk() => SdkLoginAsync(_client, NextCode());

    [Benchmark(Description = "SDK, Resilience.Enabled = false")]
    public Task<QqUserInfo> SdkWithoutResilience() => SdkLoginAsync(_noResilience, NextCode());

    [Benchmark(Description = "emulator.Authorize only (in every row)")]
    public string AuthorizeOnly() => NextCode();
}

/// <summary>The full login over loopback TCP to the Kestrel-hosted emulator (in this process).</summary>
[MemoryDiagnoser]
public class LoginLoopback : LoginBenchmarkBase
{
    private QqConnectEmulatorServer _server = null!;
    private QqConnectClient _client = null!;
    private QqConnectClient _ownedClient = null!;
    private HttpClient _sdkHttp = null!;
    private HttpClient _rawHttp = null!;
    private RawLogin _raw = null!;

    /// <summary>The handler both sides get: a pooled SocketsHttpHandler, as IHttpClientFactory or a static HttpClient would give.</summary>
    internal static SocketsHttpHandler Handler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    };

    [GlobalSetup]
    public void Setup()
    {
        _server = QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 }).GetAwaiter().GetResult();
        var baseAddress = _server.BaseAddress;
        _sdkHttp = new HttpClient(Handler());
        _rawHttp = new HttpClient(Handler());
        _client = new QqConnectClient(_sdkHttp, Options(baseAddress));
        _ownedClient = new QqConnectClient(Options(baseAddress));
        _raw = Raw(_rawHttp, baseAddress);
        UseEmulator(_server.Emulator, _client);
        var raw = RawHttpClient().GetAwaiter().GetResult();
        CheckSame(Sdk().GetAwaiter().GetResult(), raw);
        CheckSame(SdkOwnedHttpClient().GetAwaiter().GetResult(), raw);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _ownedClient.Dispose();
        _sdkHttp.Dispose();
        _rawHttp.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient (floor)")]
    public Task<UserValues> RawHttpClient() => _raw.LoginAsync(NextCode());

    [Benchmark(Description = "SDK, same handler")]
    public Task<QqUserInfo> Sdk() => SdkLoginAsync(_client, NextCode());

    [Benchmark(Description = "SDK, new QqConnectClient(options)")]
    public Task<QqUserInfo> SdkOwnedHttpClient() => SdkLoginAsync(_ownedClient, NextCode());
}
