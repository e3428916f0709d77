// The package test's web consumer: a tiny ASP.NET Core site that references the QqConnect.AspNetCore,
// QqConnect.AspNetCore.Emulator and QqConnect.Client.Testing *packages* (never the projects), calls AddQqConnect(),
// and runs one whole QQ login through TestServer against the in-process emulator; then a site in Development with
// AddQqConnect(section).UseEmulatorInDevelopment() and nothing configured logs in through the emulator it serves
// under /qqconnect-emulator/. eng/package-test.sh builds it in a throwaway folder; exit code 0 means passed.
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
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

Console.WriteLine("login through UseEmulatorInDevelopment() (Development, nothing configured):");
var devBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, Args = [] });
devBuilder.WebHost.UseTestServer();
devBuilder.Logging.ClearProviders();
devBuilder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie()
    .AddQqConnect(devBuilder.Configuration.GetSection("QqConnect"))
    .UseEmulatorInDevelopment();
await using var devApp = devBuilder.Build();
devApp.UseAuthentication();
devApp.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [QqConnectAuthenticationDefaults.AuthenticationScheme]));
devApp.MapGet("/me", (ClaimsPrincipal user) => Results.Text(user.FindFirstValue(ClaimTypes.Name) ?? "anonymous"));
await devApp.StartAsync();
var devServer = devApp.GetTestServer();
devServer.BaseAddress = new Uri("https://localhost/");
using var devBrowser = new HttpClient(new CookieJarHandler(new CookieContainer()) { InnerHandler = devServer.CreateHandler() }) { BaseAddress = devServer.BaseAddress };

using var devChallenge = await devBrowser.GetAsync("/login");
var devAuthorize = devChallenge.Headers.Location;
Check(devAuthorize?.GetLeftPart(UriPartial.Path) == "https://localhost/qqconnect-emulator/oauth2.0/authorize", "the challenge redirects to the emulator the site serves");
var page = devAuthorize is null ? "" : await devBrowser.GetStringAsync(devAuthorize);
Check(page.Contains("不是真实的QQ", StringComparison.Ordinal) && page.Contains("小明", StringComparison.Ordinal), "the emulator's page lists the fake users and says it is not the real QQ");
var form = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
    .Select(match => new KeyValuePair<string, string>(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)))
    .Append(new("user", "1"))
    .Append(new("decision", "approve"));
using var decision = await devBrowser.PostAsync(new Uri(devAuthorize ?? devServer.BaseAddress, "authorize"), new FormUrlEncodedContent(form));
using var devSignedIn = decision.Headers.Location is { } devCallback ? await devBrowser.GetAsync(devCallback) : decision;
Check(devSignedIn.StatusCode == HttpStatusCode.Redirect && devSignedIn.Headers.Location?.OriginalString == "/me", "the callback signs in and returns to /me");
using var devMe = await devBrowser.GetAsync("/me");
Check(await devMe.Content.ReadAsStringAsync() == "小红", "the signed-in user is the fake user picked on the page, 小红");
await devApp.StopAsync();

if (failures.Count > 0)
{
    Console.WriteLine($"web consumer: {failures.Count} check(s) failed");
    return 1;
}

Console.WriteLine("web consumer: every check passed");
return 0;
