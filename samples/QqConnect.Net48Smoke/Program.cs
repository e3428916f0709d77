// .NET Framework smoke test of the packed QqConnect.Client (its lib/netstandard2.0 build) in a net48 app,
// run under Mono by eng/net48-smoke.sh: the whole QQ login over a real loopback socket with the SDK's own
// HTTP handler, a QQ error answer, hostile answers, the login-state protector, and AddQqConnectClient with
// options bound from configuration, and QQ's error read in Chinese (the package's zh-Hans satellite assembly). Prints "net48 smoke: passed" and exits 0 only when every check holds.
using System.Globalization;
using System.Net.Http;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.Client;
using QqConnect.Net48Smoke;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var failures = 0;

void Check(bool condition, string what)
{
    Console.WriteLine($"  {(condition ? "ok  " : "FAIL")} {what}");
    failures += condition ? 0 : 1;
}

async Task ExpectFailure<TException>(string what, Func<Task> call, Func<TException, bool> isExpected)
    where TException : Exception
{
    try
    {
        await call();
        Check(false, $"{what} (no exception)");
    }
    catch (TException e) when (isExpected(e))
    {
        Check(true, $"{what}: {e.GetType().Name} \"{e.Message}\"");
    }
    catch (Exception e)
    {
        Check(false, $"{what} (got {e.GetType().FullName}: {e.Message})");
    }
}

var clientAssembly = typeof(QqConnectClient).Assembly;
var framework = clientAssembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), inherit: false).OfType<TargetFrameworkAttribute>().FirstOrDefault()?.FrameworkName;
var mono = Type.GetType("Mono.Runtime") is not null;
Console.WriteLine($"QqConnect.Client {clientAssembly.GetName().Version} ({framework}) on {(mono ? "Mono" : ".NET Framework")} {Environment.Version}");
Check(framework == ".NETStandard,Version=v2.0", "the app runs the package's netstandard2.0 build");

using var server = new CannedQqServer();

try
{
    // 1. Direct use: new QqConnectClient(options) owns an HttpClient over the SDK's handler.
    Console.WriteLine($"direct: new QqConnectClient(options) against {server.BaseAddress}");
    var options = new QqConnectOptions
    {
        AppId = CannedQqServer.AppId,
        AppKey = CannedQqServer.AppKey,
        RedirectUri = CannedQqServer.RedirectUri,
        BaseAddress = server.BaseAddress,
        MaxResponseBodySize = 64 * 1024,
    };
    using (var qq = new QqConnectClient(options))
    {
        // The login state: created before the redirect to QQ, validated on the callback.
        var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = QqLoginStateOptions.GenerateKey() });
        var login = protector.Create("/account?tab=安全");
        var authorize = qq.BuildAuthorizeUrl(login.State);
        var sent = CannedQqServer.ParseQuery(authorize.Query);

        // Mono's Uri.ToString() shows the redirect_uri's ':' unescaped (https:%2F%2F...) where AbsoluteUri, and .NET,
        // keep https%3A%2F%2F...; QQ decodes both to the same value, which is what is compared here.
        Console.WriteLine($"  redirect_uri in AbsoluteUri: {RawParameter(authorize.AbsoluteUri, "redirect_uri")}");
        Console.WriteLine($"  redirect_uri in ToString():  {RawParameter(authorize.ToString(), "redirect_uri")}");
        Check(sent.TryGetValue("redirect_uri", out var redirect) && redirect == CannedQqServer.RedirectUri, "the authorize URL carries the redirect_uri, decoded as QQ decodes it");
        Check(
            CannedQqServer.ParseQuery(authorize.ToString().Substring(authorize.ToString().IndexOf('?'))).TryGetValue("redirect_uri", out var shown) && shown == CannedQqServer.RedirectUri,
            "the authorize URL's ToString() decodes to the same redirect_uri");
        Check(sent.TryGetValue("state", out var state) && state == login.State, "the authorize URL carries the state unchanged");
        Check(sent.TryGetValue("client_id", out var clientId) && clientId == CannedQqServer.AppId, "the authorize URL carries the app id");

        // QQ sends the browser back to the redirect URI with the code and the state.
        var callback = QqCallback.Parse(new Uri($"{CannedQqServer.RedirectUri}&code={CannedQqServer.GoodCode}&state={Uri.EscapeDataString(login.State)}"));
        Check(callback.IsSuccess && callback.Code == CannedQqServer.GoodCode, "the callback parses to the code");
        var validation = protector.Validate(callback.State, login.BrowserBinding);
        Check(validation.IsValid && validation.ReturnUrl == "/account?tab=%E5%AE%89%E5%85%A8", "the state validates with its browser binding and gives the return URL back, percent-encoded (safe for a Location header)");
        Check(!protector.Validate(callback.State, "another-browser").IsValid, "the state is refused with another browser's binding");
        var tampered = login.State.Substring(0, login.State.Length - 1) + (login.State[login.State.Length - 1] == 'A' ? 'B' : 'A');
        Check(!protector.Validate(tampered, login.BrowserBinding).IsValid, "a tampered state is refused");

        var token = await qq.ExchangeCodeAsync(callback.Code!);
        Check(token.AccessToken == CannedQqServer.AccessToken && token.RefreshToken == CannedQqServer.RefreshToken, "ExchangeCodeAsync gives the access and refresh tokens");
        Check(token.ExpiresIn == TimeSpan.FromDays(90), $"the token lives 90 days (got {token.ExpiresIn})");
        Check(server.ExchangeRedirectUris.Count == 1 && server.ExchangeRedirectUris.TryPeek(out var exchanged) && exchanged == CannedQqServer.RedirectUri, "the code exchange sends the same redirect_uri, as QQ decodes it");
        var who = await qq.GetOpenIdAsync(token.AccessToken);
        Check(who.OpenId == CannedQqServer.OpenId && who.ClientId == CannedQqServer.AppId, "GetOpenIdAsync reads the JSONP answer");
        var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
        Check(user.Nickname == "小明", $"GetUserInfoAsync gives the nickname 小明 (got {user.Nickname})");
        Check(user.AvatarUrl is not null, "the user has an avatar URL");

        // QQ's own error answer, read in Chinese (CurrentUICulture zh-CN: the package's zh-Hans satellite
        // assembly), and answers no QQ server should give.
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var meaning = QqErrorCodes.Find(100020)!.Meaning;
            Console.WriteLine($"  zh-CN: 100020 means {meaning}");
            Check(meaning == "授权码已被使用过", "QqErrorInfo.Meaning reads Chinese in zh-CN");
            await ExpectFailure<QqConnectApiException>(
                "a reused code is refused with QQ's code 100020, in Chinese",
                () => qq.ExchangeCodeAsync(CannedQqServer.ReusedCode),
                e => e.ErrorCode == 100020 && e.Kind == QqConnectErrorKind.ApiError
                    && e.Message.StartsWith("QQ互联拒绝了 ExchangeCode 调用，错误码 100020（授权码已被使用过）", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }

        Check(QqErrorCodes.GetInfo(100020, CultureInfo.InvariantCulture)!.Meaning == "the code was already used", "QqErrorCodes.GetInfo(code, InvariantCulture) reads English");
        await ExpectFailure<QqConnectException>(
            "a cut-off answer is an invalid response",
            () => qq.GetOpenIdAsync(CannedQqServer.HostileToken),
            e => e.Kind == QqConnectErrorKind.InvalidResponse && e is not QqConnectApiException);
        await ExpectFailure<QqConnectException>(
            "an answer that is not UTF-8 is an invalid response",
            () => qq.GetUserInfoAsync(CannedQqServer.NotUtf8Token, CannedQqServer.OpenId),
            e => e.Kind == QqConnectErrorKind.InvalidResponse);
        await ExpectFailure<QqConnectException>(
            "an answer over MaxResponseBodySize is refused",
            () => qq.GetOpenIdAsync(CannedQqServer.HugeToken),
            e => e.Kind == QqConnectErrorKind.ResponseTooLarge);
        await ExpectFailure<ArgumentException>(
            "an empty code is refused before any network call",
            () => qq.ExchangeCodeAsync(string.Empty),
            _ => true);
    }

    // 2. Dependency injection, options bound from configuration, the SDK's primary handler.
    Console.WriteLine("dependency injection: AddQqConnectClient(configuration section)");
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QqConnect:AppId"] = CannedQqServer.AppId,
            ["QqConnect:AppKey"] = CannedQqServer.AppKey,
            ["QqConnect:RedirectUri"] = CannedQqServer.RedirectUri,
            ["QqConnect:BaseAddress"] = server.BaseAddress.ToString(),
            ["QqConnect:Scopes:0"] = "get_user_info",
            ["QqConnect:Resilience:AttemptTimeout"] = "00:00:05",
            ["QqConnect:Resilience:MaxRetryAttempts"] = "1",
        })
        .Build();
    var services = new ServiceCollection();
    services.AddQqConnectClient(configuration.GetSection("QqConnect"));
    using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
    {
        var bound = provider.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().CurrentValue;
        Check(bound.BaseAddress == server.BaseAddress && bound.AppId == CannedQqServer.AppId, "BaseAddress and AppId are bound from configuration");
        Check(bound.Resilience.MaxRetryAttempts == 1 && bound.Resilience.AttemptTimeout == TimeSpan.FromSeconds(5), "Resilience options are bound from configuration");
        Check(bound.Scopes.SequenceEqual(new[] { "get_user_info" }), "Scopes are bound from configuration");

        var qq = provider.GetRequiredService<IQqConnectClient>();
        Check(CannedQqServer.ParseQuery(qq.BuildAuthorizeUrl("di-state").Query).TryGetValue("scope", out var scope) && scope == "get_user_info", "the injected client asks for the bound scope");
        var token = await qq.ExchangeCodeAsync(CannedQqServer.GoodCode);
        var who = await qq.GetOpenIdAsync(token.AccessToken);
        var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
        Check(user.Nickname == "小明", $"the injected client logs 小明 in (got {user.Nickname})");
        await ExpectFailure<QqConnectApiException>(
            "the injected client reports QQ's code 100020",
            () => qq.ExchangeCodeAsync(CannedQqServer.ReusedCode),
            e => e.ErrorCode == 100020);
    }

    // 7 calls of the direct client, 4 of the injected one: no answer above may be retried or lead elsewhere.
    Check(server.Requests.Count == 11, $"the server saw 11 requests (got {server.Requests.Count}: {string.Join(" ", server.Requests.Select(r => r.Split('?')[0]))})");
}
catch (Exception e)
{
    Check(false, $"unexpected {e}");
}

static string RawParameter(string uri, string name) =>
    uri.Substring(uri.IndexOf('?') + 1).Split('&').First(p => p.StartsWith(name + "=", StringComparison.Ordinal));

if (failures > 0)
{
    Console.WriteLine($"net48 smoke: FAILED ({failures} check(s))");
    return 1;
}

Console.WriteLine("net48 smoke: passed");
return 0;
