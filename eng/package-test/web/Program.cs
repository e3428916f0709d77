// The package test's web consumer: a tiny ASP.NET Core site that references the QqConnect.AspNetCore and
// QqConnect.Client.Testing *packages* (never the projects), calls AddQqConnect(), and runs one whole QQ login
// through TestServer against the in-process emulator. eng/package-test.sh builds it in a throwaway folder;
// exit code 0 means passed.
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.TestHost;
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;
using QqConnect.TestSupport;

var failures = new List<string>();

void Check(bool condition, string what)
{
    Console.WriteLine($"  {(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

var emulator = new QqConnectEmulator();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseTestServer();
builder.Logging.ClearProviders();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie()
    .AddQqConnect(options =>
    {
        options.AppId = QqConnectEmulatorOptions.DefaultAppId;
        options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
        options.BackchannelHttpHandler = emulator.CreateHandler();
    });
await using var app = builder.Build();
app.UseAuthentication();
app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [QqConnectAuthenticationDefaults.AuthenticationScheme]));
app.MapGet("/me", (ClaimsPrincipal user) => Results.Text(user.FindFirstValue(ClaimTypes.Name) ?? "anonymous"));
await app.StartAsync();
var server = app.GetTestServer();
server.BaseAddress = new Uri("https://localhost/");

Console.WriteLine("login through AddQqConnect():");
var cookies = new CookieContainer();
using var browser = new HttpClient(new CookieJarHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };

using var challenge = await browser.GetAsync("/login");
var authorize = challenge.Headers.Location;
Check(challenge.StatusCode == HttpStatusCode.Redirect && authorize?.AbsolutePath == "/oauth2.0/authorize", "the challenge redirects to QQ's authorize page");
Check(authorize is not null && authorize.AbsoluteUri.Length <= QqConnectAuthenticationDefaults.MaxQqParameterBytes, "the authorize URL stays within QQ's 500-byte limit");

var callback = emulator.Authorize(authorize!, userIndex: 0);
using var signedIn = await browser.GetAsync(new Uri(callback.AbsoluteUri));
Check(signedIn.StatusCode == HttpStatusCode.Redirect && signedIn.Headers.Location?.OriginalString == "/me", "the callback signs in and returns to /me");

using var me = await browser.GetAsync("/me");
Check(await me.Content.ReadAsStringAsync() == "小明", "the signed-in user is 小明");
Check(emulator.CodeReplays == 0, "no authorization code was sent twice");
await app.StopAsync();

if (failures.Count > 0)
{
    Console.WriteLine($"web consumer: {failures.Count} check(s) failed");
    return 1;
}

Console.WriteLine("web consumer: every check passed");
return 0;
