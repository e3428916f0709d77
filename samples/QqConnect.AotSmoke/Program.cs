// NativeAOT smoke test of QqConnect.Client: the whole QQ login against the in-process emulator, once with
// `new QqConnectClient(...)` and once through dependency injection with options bound from configuration,
// plus the state protector, the callback parser, error codes (read in Chinese too: the zh-Hans satellite
// assembly, CurrentUICulture zh-CN) and telemetry. Published by eng/aot-smoke.sh
// with PublishAot; prints "aot smoke: passed" and exits 0 when every check holds.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.Client;
using QqConnect.Client.Testing;
using static QqConnect.Samples.SmokeChecks;

Start("QqConnect.Client AOT smoke");

var emulator = new QqConnectEmulator();
const string RedirectUri = "http://localhost:5000/signin-qq";

// Telemetry: count the spans and measurements the SDK reports.
var spans = 0;
using var activityListener = new ActivityListener
{
    ShouldListenTo = source => source.Name == "QqConnect.Client",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = _ => Interlocked.Increment(ref spans),
};
ActivitySource.AddActivityListener(activityListener);
var measurements = 0;
using var meterListener = new MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Meter.Name == "QqConnect.Client")
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meterListener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref measurements));
meterListener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref measurements));
meterListener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref measurements));
meterListener.Start();

// 1. Direct use, as in scripts and console apps.
Console.WriteLine("direct: new QqConnectClient(httpClient, options)");
using (var http = new HttpClient(emulator.CreateHandler()))
{
    var options = new QqConnectOptions
    {
        AppId = QqConnectEmulatorOptions.DefaultAppId,
        AppKey = QqConnectEmulatorOptions.DefaultAppKey,
        RedirectUri = RedirectUri,
    };
    var qq = new QqConnectClient(http, options);

    // The CSRF state and its browser binding, as a web app would keep them.
    var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = QqLoginStateOptions.GenerateKey() });
    var login = protector.Create("/account");
    var callback = QqCallback.Parse(emulator.Authorize(qq.BuildAuthorizeUrl(login.State), userIndex: 0));
    Check(callback.IsSuccess, "the callback parses to a code");
    var validation = protector.Validate(callback.State, login.BrowserBinding);
    Check(validation.IsValid && validation.ReturnUrl == "/account", "the state validates with the browser binding");

    var token = await qq.ExchangeCodeAsync(callback.Code!);
    Check(token.AccessToken.Length > 0 && token.RefreshToken is not null, "ExchangeCodeAsync gives an access token and a refresh token");
    var who = await qq.GetOpenIdAsync(token.AccessToken);
    Check(who.OpenId == emulator.GetOpenId(options.AppId, 0), "GetOpenIdAsync gives the user's OpenID");
    var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
    Check(user.Nickname == "小明", $"GetUserInfoAsync gives the nickname 小明 (got {user.Nickname})");
    Check(user.AvatarUrl is not null, "the user has an avatar URL");
    var renewed = await qq.RefreshAsync(token.RefreshToken!);
    Check(renewed.AccessToken != token.AccessToken, "RefreshAsync gives a new access token");
    var verified = await qq.VerifyAccessTokenAsync(renewed.AccessToken, who.OpenId);
    Check(verified.OpenId == who.OpenId, "VerifyAccessTokenAsync accepts the app's own token");

    // Refused in Chinese: CurrentUICulture zh-CN reads the zh-Hans satellite assembly.
    var uiCulture = CultureInfo.CurrentUICulture;
    CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
    try
    {
        await qq.ExchangeCodeAsync(callback.Code!);
        Check(false, "a reused code is refused");
    }
    catch (QqConnectApiException e)
    {
        Check(e.ErrorCode == QqErrorCodes.CodeReused && e.ErrorInfo is not null, $"a reused code is refused with {e.ErrorCode} ({e.ErrorInfo?.Action})");
        Console.WriteLine($"  zh-CN: {e.Message}");
        Console.WriteLine($"  zh-CN: 100020 means {e.ErrorInfo?.Meaning}");
        Check(e.ErrorInfo?.Meaning == "授权码已被使用过", "QqErrorInfo.Meaning reads Chinese in zh-CN");
        Check(e.Message.StartsWith("QQ互联拒绝了 ExchangeCode 调用，错误码 100020（授权码已被使用过）", StringComparison.Ordinal), "the exception's message reads Chinese in zh-CN");
    }
    finally
    {
        CultureInfo.CurrentUICulture = uiCulture;
    }

    Check(QqErrorCodes.GetInfo(QqErrorCodes.CodeReused, CultureInfo.InvariantCulture)!.Meaning == "the code was already used", "QqErrorCodes.GetInfo(code, InvariantCulture) reads English");
}

// 2. Dependency injection with options bound from configuration (no reflection-based binder).
Console.WriteLine("dependency injection: AddQqConnectClient(configuration section), two named apps");
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["QqConnect:AppId"] = QqConnectEmulatorOptions.DefaultAppId,
        ["QqConnect:AppKey"] = QqConnectEmulatorOptions.DefaultAppKey,
        ["QqConnect:RedirectUri"] = RedirectUri,
        ["QqConnect:AcceptedAppIds:0"] = QqConnectEmulatorOptions.UnionIdAppId,
        ["QqConnect:Resilience:AttemptTimeout"] = "00:00:05",
        ["QqConnect:Resilience:MaxRetryAttempts"] = "1",
        ["QqConnectMobile:AppId"] = QqConnectEmulatorOptions.UnionIdAppId,
        ["QqConnectMobile:AppKey"] = QqConnectEmulatorOptions.UnionIdAppKey,
        ["QqConnectMobile:RedirectUri"] = RedirectUri,
        ["QqConnectMobile:RequestUnionId"] = "true",
        ["QqConnectMobile:Scopes"] = "get_user_info",
    })
    .Build();

var services = new ServiceCollection();
services.AddQqConnectClient(configuration.GetSection("QqConnect")).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
services.AddQqConnectClient("mobile", configuration.GetSection("QqConnectMobile")).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
{
    provider.GetRequiredService<IStartupValidator>().Validate();
    var bound = provider.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().CurrentValue;
    Check(bound.Resilience.MaxRetryAttempts == 1 && bound.Resilience.AttemptTimeout == TimeSpan.FromSeconds(5), "Resilience options are bound from configuration");
    Check(bound.AcceptedAppIds.Contains(QqConnectEmulatorOptions.UnionIdAppId), "AcceptedAppIds is bound from configuration");

    var qq = provider.GetRequiredService<IQqConnectClient>();
    var callback = QqCallback.Parse(emulator.Authorize(qq.BuildAuthorizeUrl("di-state"), userIndex: 1));
    var token = await qq.ExchangeCodeAsync(callback.Code!);
    var who = await qq.GetOpenIdAsync(token.AccessToken);
    var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
    Check(user.Nickname == "小红", $"the injected client logs 小红 in (got {user.Nickname})");

    var mobile = provider.GetRequiredService<IQqConnectClientFactory>().CreateClient("mobile");
    var mobileCallback = QqCallback.Parse(emulator.Authorize(mobile.BuildAuthorizeUrl("mobile-state"), userIndex: 2));
    var mobileToken = await mobile.ExchangeCodeAsync(mobileCallback.Code!);
    var mobileWho = await mobile.GetOpenIdAsync(mobileToken.AccessToken);
    Check(mobileWho.UnionId == emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 2), "the named \"mobile\" client gets the UnionID");

    // The web app accepts the mobile app's tokens (AcceptedAppIds).
    var accepted = await qq.VerifyAccessTokenAsync(mobileToken.AccessToken, mobileWho.OpenId);
    Check(accepted.ClientId == QqConnectEmulatorOptions.UnionIdAppId, "the web client accepts a token of an accepted app id");
}

Check(spans > 0, $"spans were reported ({spans})");
Check(measurements > 0, $"metrics were reported ({measurements})");
Check(emulator.CodeReplays == 1, $"the only code sent twice is the one reused on purpose ({emulator.CodeReplays})");

if (Failures > 0)
{
    Console.WriteLine($"aot smoke: FAILED ({Failures} check(s))");
    return 1;
}

Console.WriteLine("aot smoke: passed");
return 0;
