// NativeAOT smoke test of QqConnect.AspNetCore: a slim site (cookie authentication + AddQqConnect() against the
// in-process emulator) on a loopback port, and a browser played by HttpClient: GET /login → QQ's authorize step →
// the callback → signed in, the QQ claims on the cookie. Published by eng/aot-smoke.sh with PublishAot; prints
// "aspnetcore aot smoke: passed" and exits 0 when every check holds.
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;
using static QqConnect.Samples.SmokeChecks;

Start("QqConnect.AspNetCore AOT smoke");

var emulator = new QqConnectEmulator();
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie()
    .AddQqConnect(options =>
    {
        options.AppId = QqConnectEmulatorOptions.DefaultAppId;
        options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
        options.BackchannelHttpHandler = emulator.CreateHandler();
        options.SaveTokens = true;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    });

await using var app = builder.Build();
app.UseAuthentication();
app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [QqConnectAuthenticationDefaults.AuthenticationScheme]));
app.MapGet("/me", async (HttpContext http) =>
{
    var token = await http.GetTokenAsync("access_token");
    return http.User.Identity?.IsAuthenticated == true
        ? $"{http.User.FindFirstValue(ClaimTypes.Name)}|{http.User.FindFirstValue(ClaimTypes.NameIdentifier)}|{(string.IsNullOrEmpty(token) ? "no token" : "token saved")}"
        : "anonymous";
});
await app.StartAsync();
var site = new Uri(app.Urls.First());
Console.WriteLine($"site at {site}");

using var cookies = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
using var browser = new HttpClient(cookies) { BaseAddress = site };

using var challenge = await browser.GetAsync(new Uri("/login", UriKind.Relative));
var authorize = challenge.Headers.Location;
Check(challenge.StatusCode == HttpStatusCode.Redirect && authorize?.AbsolutePath == "/oauth2.0/authorize", $"the challenge redirects to QQ's authorize page ({(int)challenge.StatusCode})");
var state = authorize is null ? null : System.Web.HttpUtility.ParseQueryString(authorize.Query)["state"];
Check(state is { Length: 22 }, $"the state sent to QQ is 22 characters ({state?.Length})");

if (authorize is not null)
{
    var callback = emulator.Authorize(authorize, userIndex: 0);
    using var back = await browser.GetAsync(callback);
    Check(back.StatusCode == HttpStatusCode.Redirect && back.Headers.Location?.OriginalString == "/me", $"the callback signs in and returns to /me ({(int)back.StatusCode} {back.Headers.Location})");
    var me = await browser.GetStringAsync(new Uri("/me", UriKind.Relative));
    Console.WriteLine($"  /me: {me}");
    var parts = me.Split('|');
    Check(parts.Length == 3 && parts[0] == "小明", "the QQ nickname is the Name claim");
    Check(parts.Length == 3 && parts[1] == emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), "the OpenID is the NameIdentifier claim");
    Check(parts.Length == 3 && parts[2] == "token saved", "SaveTokens kept the access token");
    Check(emulator.GetRequestCount("/oauth2.0/token") == 1, "the code was exchanged once");
}

await app.StopAsync();
Console.WriteLine(Failures == 0 ? "aspnetcore aot smoke: passed" : $"aspnetcore aot smoke: FAILED ({Failures} checks)");
return Failures == 0 ? 0 : 1;
