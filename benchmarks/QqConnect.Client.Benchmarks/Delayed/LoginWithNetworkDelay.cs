using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Benchmarks.Canned;
using QqConnect.Client.Benchmarks.Handler;

namespace QqConnect.Client.Benchmarks.Delayed;

/// <summary>
/// A login as a user waits for it, with a simulated network of <see cref="NetworkDelay.PerCall"/> (30 ms) per call
/// to QQ: what counts is how many calls a login makes. Two groups, each with its own baseline:
/// <list type="bullet">
/// <item>client: the SDK's login (code exchange with <c>need_openid=1</c>, whose answer names the user, then
/// get_user_info: two calls) against the raw-HttpClient floor's three calls (token, <c>/me</c>, get_user_info),
/// both against canned answers;</item>
/// <item>handler: an <c>AddQqConnect()</c> browser login (two calls) against the blog-style <c>AddOAuth()</c> for QQ
/// (three), both against the in-process emulator.</item>
/// </list>
/// Each side's setup checks that it made the number of calls said here and got the same user.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoginWithNetworkDelay
{
    private static readonly Uri BaseAddress = new("https://graph.qq.com/");
    private ServiceProvider _services = null!;
    private IQqConnectClient _client = null!;
    private NetworkDelay _sdkNetwork = null!;
    private HttpClient _rawHttp = null!;
    private NetworkDelay _rawNetwork = null!;
    private RawLogin _raw = null!;
    private NetworkDelay? _oursNetwork;
    private NetworkDelay? _genericNetwork;
    private SiteUnderTest _ours = null!;
    private SiteUnderTest _generic = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A new handler each time the factory asks (it disposes rotated ones); the setup checks the first.
        _services = CannedLoginInProcess.Services(resilience: true, () => _sdkNetwork = new NetworkDelay(new CannedHandler(answerOpenId: true)));
        _client = _services.GetRequiredService<IQqConnectClient>();
        _rawNetwork = new NetworkDelay(new CannedHandler(answerOpenId: true));
        _rawHttp = new HttpClient(_rawNetwork);
        _raw = CannedAnswers.Raw(_rawHttp, BaseAddress);

        _ours = new SiteUnderTest(SiteHandler.QqConnect, emulator => _oursNetwork = new NetworkDelay(emulator));
        _generic = new SiteUnderTest(SiteHandler.GenericOAuth, emulator => _genericNetwork = new NetworkDelay(emulator));
        _ours.StartAsync().GetAwaiter().GetResult();
        _generic.StartAsync().GetAwaiter().GetResult();

        var raw = RawHttpClient().GetAwaiter().GetResult();
        Same.Check("the SDK", raw, UserValues.From(Sdk().GetAwaiter().GetResult()));
        Calls("the raw-HttpClient floor", _rawNetwork, 3);
        Calls("the SDK", _sdkNetwork, 2);
        GenericOAuth().GetAwaiter().GetResult();
        QqConnect().GetAwaiter().GetResult();
        Calls("AddOAuth()", _genericNetwork!, 3);
        Calls("AddQqConnect()", _oursNetwork!, 2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _rawHttp.Dispose();
        _ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _generic.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [BenchmarkCategory("client"), Benchmark(Baseline = true, Description = "raw HttpClient (floor), 3 calls")]
    public Task<UserValues> RawHttpClient() => _raw.LoginAsync(CannedAnswers.Code);

    [BenchmarkCategory("client"), Benchmark(Description = "SDK: ExchangeCode (need_openid) + GetUserInfo, 2 calls")]
    public async Task<QqUserInfo> Sdk()
    {
        var token = await _client.ExchangeCodeAsync(CannedAnswers.Code);
        var openId = token.OpenId ?? (await _client.GetOpenIdAsync(token.AccessToken)).OpenId;
        return await _client.GetUserInfoAsync(token.AccessToken, openId);
    }

    [BenchmarkCategory("handler"), Benchmark(Baseline = true, Description = "AddOAuth() set up for QQ (blog style), 3 calls")]
    public Task<HttpStatusCode> GenericOAuth() => _generic.LoginAsync(HandlerLogin.ReturnUrl20);

    [BenchmarkCategory("handler"), Benchmark(Description = "AddQqConnect(), 2 calls")]
    public Task<HttpStatusCode> QqConnect() => _ours.LoginAsync(HandlerLogin.ReturnUrl20);

    private static void Calls(string side, NetworkDelay network, long expected)
    {
        if (network.Calls != expected)
        {
            throw new InvalidOperationException($"{side} made {network.Calls} calls to QQ for one login, expected {expected}.");
        }
    }
}
