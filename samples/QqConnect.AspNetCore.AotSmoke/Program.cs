// NativeAOT smoke test of QqConnect.AspNetCore: a slim site (cookie authentication + AddQqConnect() configured from
// an in-memory configuration section, against the in-process emulator) on a loopback port, and a browser played by
// HttpClient: GET /login → QQ's authorize step → the callback → signed in, the QQ claims on the cookie. A second
// scheme uses UseEmulatorInDevelopment() (QqConnect.AspNetCore.Emulator): its login goes through the emulator the
// site serves under /qqconnect-emulator/. A refusal by a browser that asks for Chinese (Accept-Language zh-CN,
// UseRequestLocalization) comes back with the handler's remoteError in Chinese (the zh-Hans satellite assembly). Published by eng/aot-smoke.sh with PublishAot; prints
// "aspnetcore aot smoke: passed" and exits 0 when every check holds.
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;
using static QqConnect.Samples.SmokeChecks;

Start("QqConnect.AspNetCore AOT smoke");

var emulator = new QqConnectEmulator();
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, EnvironmentName = Environments.Development });
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Error);
// The scheme's settings come from configuration (bound without reflection: trim- and AOT-safe).
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["QqConnect:AppId"] = QqConnectEmulatorOptions.DefaultAppId,
    ["QqConnect:AppKey"] = QqConnectEmulatorOptions.DefaultAppKey,
    ["QqConnect:SaveTokens"] = "true",
    ["QqConnect:Scopes:0"] = "get_user_info",
    ["QqConnect:Display"] = "Pc",
    ["QqConnect:RequestUnionId"] = "false",
    ["QqConnect:CallbackPath"] = "/signin-qq-aot",
    ["QqConnectDev:CallbackPath"] = "/signin-qq-dev",
});
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie()
    .AddQqConnect(builder.Configuration.GetSection("QqConnect"), options =>
    {
        options.BackchannelHttpHandler = emulator.CreateHandler();
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    })
    .AddQqConnect("QQ-dev", null, builder.Configuration.GetSection("QqConnectDev"), options => options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest)
    .UseEmulatorInDevelopment("QQ-dev");

await using var app = builder.Build();
// The request's UI culture from Accept-Language: the handler's messages follow it.
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture("en-US");
    options.AddSupportedCultures("en-US", "zh-CN");
    options.AddSupportedUICultures("en-US", "zh-CN");
});
app.UseAuthentication();
app.MapGet("/login", (string? scheme) => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [scheme ?? QqConnectAuthenticationDefaults.AuthenticationScheme]));
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
Check(authorize is not null && System.Web.HttpUtility.ParseQueryString(authorize.Query)["redirect_uri"] == site.AbsoluteUri + "signin-qq-aot", "the callback path comes from the configuration");
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

// A refusal on QQ's page by a browser asking for Chinese: back to the return URL with remoteError, in Chinese.
using (var zhBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = site })
{
    zhBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
    using var zhChallenge = await zhBrowser.GetAsync(new Uri("/login", UriKind.Relative));
    if (zhChallenge.Headers.Location is { } zhAuthorize)
    {
        using var denied = await zhBrowser.GetAsync(emulator.Authorize(zhAuthorize, userIndex: 0, approve: false));
        var remoteError = denied.Headers.Location is { } location
            ? System.Web.HttpUtility.ParseQueryString(new Uri(site, location).Query)["remoteError"]
            : null;
        Console.WriteLine($"  zh-CN remoteError: {remoteError}");
        Check(remoteError == "QQ登录已取消（QQ 错误码 100030）。", "a refusal comes back with the handler's remoteError in Chinese");
    }
    else
    {
        Check(false, "the zh-CN browser's challenge redirects to QQ");
    }
}

// UseEmulatorInDevelopment(): the emulator's page on the site, approve, the callback.
using (var devBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = site })
{
    using var devChallenge = await devBrowser.GetAsync(new Uri("/login?scheme=QQ-dev", UriKind.Relative));
    var devAuthorize = devChallenge.Headers.Location;
    Check(devAuthorize?.GetLeftPart(UriPartial.Path) == site.AbsoluteUri + "qqconnect-emulator/oauth2.0/authorize", $"the development scheme redirects to the site's emulator ({devAuthorize?.GetLeftPart(UriPartial.Path)})");
    if (devAuthorize is not null)
    {
        var page = await devBrowser.GetStringAsync(devAuthorize);
        Check(page.Contains("不是真实的QQ", StringComparison.Ordinal), "the emulator's page says it is not the real QQ");
        var form = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .Select(match => new KeyValuePair<string, string>(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)))
            .Append(new("user", "0"))
            .Append(new("decision", "approve"));
        using var decision = await devBrowser.PostAsync(new Uri(devAuthorize, "authorize"), new FormUrlEncodedContent(form));
        using var devBack = decision.Headers.Location is { } devCallback ? await devBrowser.GetAsync(devCallback) : null;
        Check(devBack?.StatusCode == HttpStatusCode.Redirect, $"the development login signs in ({(int?)devBack?.StatusCode})");
        var devMe = await devBrowser.GetStringAsync(new Uri("/me", UriKind.Relative));
        Console.WriteLine($"  /me (QQ-dev): {devMe}");
        Check(devMe.StartsWith("小明|", StringComparison.Ordinal), "the development login's Name claim is the fake user's nickname");
    }
}

await app.StopAsync();
Console.WriteLine(Failures == 0 ? "aspnetcore aot smoke: passed" : $"aspnetcore aot smoke: FAILED ({Failures} checks)");
return Failures == 0 ? 0 : 1;
