// The package test's consumer: a console app that references the QqConnect.Client and
// QqConnect.Client.Testing *packages* (never the projects) and runs one whole QQ login against the
// in-process emulator. eng/package-test.sh builds it in a throwaway folder; exit code 0 means passed.
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client;
using QqConnect.Client.Testing;

var failures = new List<string>();

void Check(bool condition, string what)
{
    Console.WriteLine($"  {(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

var expectedVersion = args.Length > 0 ? args[0] : null;
var clientAssembly = typeof(QqConnectClient).Assembly;
var informational = clientAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
Console.WriteLine($"QqConnect.Client {informational}");
if (expectedVersion is not null)
{
    Check(informational.StartsWith(expectedVersion + "+", StringComparison.Ordinal) || informational == expectedVersion,
        $"the loaded QqConnect.Client is the packed version {expectedVersion}");
}

var emulator = new QqConnectEmulator();
var options = new QqConnectOptions
{
    AppId = QqConnectEmulatorOptions.DefaultAppId,
    AppKey = QqConnectEmulatorOptions.DefaultAppKey,
    RedirectUri = "http://localhost:5000/signin-qq",
};

// 1. Direct use: new QqConnectClient(HttpClient, options).
using (var http = new HttpClient(emulator.CreateHandler()))
{
    var qq = new QqConnectClient(http, options);
    await LoginAsync("direct", qq, userIndex: 0, expectedNickname: "小明");
}

// 2. Dependency injection: AddQqConnectClient with the emulator as the primary handler.
var services = new ServiceCollection();
services.AddQqConnectClient(o =>
{
    o.AppId = options.AppId;
    o.AppKey = options.AppKey;
    o.RedirectUri = options.RedirectUri;
}).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
await using (var provider = services.BuildServiceProvider())
{
    await LoginAsync("dependency injection", provider.GetRequiredService<IQqConnectClient>(), userIndex: 1, expectedNickname: "小红");
}

Check(emulator.CodeReplays == 0, "no authorization code was sent twice");

if (failures.Count > 0)
{
    Console.WriteLine($"consumer: {failures.Count} check(s) failed");
    return 1;
}

Console.WriteLine("consumer: every check passed");
return 0;

async Task LoginAsync(string how, IQqConnectClient qq, int userIndex, string expectedNickname)
{
    Console.WriteLine($"login through {how}:");
    var state = Guid.NewGuid().ToString("N");
    var authorizeUrl = qq.BuildAuthorizeUrl(state);
    Check(authorizeUrl.AbsolutePath == "/oauth2.0/authorize", "BuildAuthorizeUrl gives the authorize endpoint");

    var callback = QqCallback.Parse(emulator.Authorize(authorizeUrl, userIndex));
    Check(callback.IsSuccess && callback.State == state, "the callback carries a code and the same state");

    var token = await qq.ExchangeCodeAsync(callback.Code!);
    Check(token.AccessToken.Length > 0 && token.ExpiresIn > TimeSpan.Zero, "ExchangeCodeAsync gives an access token");

    var who = await qq.GetOpenIdAsync(token.AccessToken);
    Check(who.OpenId == emulator.GetOpenId(options.AppId, userIndex), "GetOpenIdAsync gives the user's OpenID");

    var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
    Check(user.Nickname == expectedNickname, $"GetUserInfoAsync gives the nickname {expectedNickname} (got {user.Nickname})");
}
