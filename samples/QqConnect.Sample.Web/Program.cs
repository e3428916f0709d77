// QQ登录 with QqConnect.Client in an ASP.NET Core site (minimal APIs, cookie authentication).
// Run it with nothing configured and it logs in against the built-in QQ Connect emulator (demo mode);
// configure a real app (QqConnect:AppId, AppKey, RedirectUri) and it talks to https://graph.qq.com/.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using QqConnect.Client;
using QqConnect.Client.Testing;
using QqConnect.Emulator;
using QqConnect.Sample.Web;
using QqConnect.Samples;

var builder = WebApplication.CreateBuilder(args);

// The sample's own start-up lines, not the host's; no per-request log lines (the callback URL carries the code); a
// port already taken or out of range is one line with the --urls hint and exit code 2 (samples/Shared/SampleHost.cs).
if (await builder.PrepareAsync() is not { } urls)
{
    return 2;
}

// Demo mode unless QqConnect:AppId, AppKey and RedirectUri are all configured.
var qqSection = builder.Configuration.GetSection("QqConnect");
SampleSettings settings;
try
{
    settings = SampleSettings.Create(qqSection, urls);
}
catch (InvalidOperationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}

QqConnectEmulatorServer? emulator = null;
if (settings.IsDemo)
{
    // A local stand-in for graph.qq.com with fake users, on a free loopback port, started before the app
    // is built so that the SDK can be pointed at it. Its app id and key are published fakes, not secrets.
    var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
    emulator = server;

    // The auth cookie is encrypted with ASP.NET Core Data Protection. A demo needs no key ring on disk (which
    // would warn "No XML encryptor configured" at every start): keys live in memory, so a restart logs you out.
    // Real mode keeps ASP.NET Core's default key ring; configure its storage and protection for production.
    builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
    builder.Services.AddQqConnectClient(options =>
    {
        options.BaseAddress = server.BaseAddress;
        options.AppId = QqConnectEmulatorOptions.DefaultAppId;
        options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
        options.RedirectUri = settings.RedirectUri.AbsoluteUri;
    });
}
else
{
    builder.Services.AddQqConnectClient(qqSection);
}

builder.Services.AddSingleton(settings);

// CSRF protection of the login: a signed, short-lived state bound to the browser by a cookie.
// Every server of a farm needs the same key (LoginState:Key, base64, from QqLoginStateOptions.GenerateKey());
// without one a random key is made at start-up, which is fine for a single process.
var stateOptions = new QqLoginStateOptions { DefaultReturnUrl = "/profile" };
var stateKey = builder.Configuration["LoginState:Key"];
if (string.IsNullOrWhiteSpace(stateKey))
{
    stateOptions.Key = QqLoginStateOptions.GenerateKey();
}
else
{
    stateOptions.SetKeyFromBase64(stateKey);
}

builder.Services.AddSingleton(new QqLoginStateProtector(stateOptions));

// The signed-in user: profile in claims, QQ tokens in the authentication properties, all inside the
// encrypted authentication cookie (never shown in a page).
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "qqsample.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.LoginPath = "/";
    });
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();

var app = builder.Build();

// QQ errors (the user denied, a code reused, QQ unreachable, …) become a friendly page.
app.UseMiddleware<QqErrorPageMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.MapQqLogin(settings);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var qq = app.Services.GetRequiredService<IOptions<QqConnectOptions>>().Value;
    if (settings.IsDemo)
    {
        Console.WriteLine("QQ Connect sample: DEMO MODE (no QqConnect:AppId/AppKey/RedirectUri configured).");
        Console.WriteLine($"  QQ login goes to the built-in QQ Connect emulator at {qq.BaseAddress} (fake users, no QQ account needed).");
    }
    else
    {
        Console.WriteLine($"QQ Connect sample: REAL MODE, app {qq.AppId} at {qq.BaseAddress}.");
    }

    Console.WriteLine($"  Listening on {urls}; QQ sends the browser back to {qq.RedirectUri}");
    Console.WriteLine($"  Open {settings.SiteAddress} in a browser. Ctrl+C stops.");
});

try
{
    return await SampleHost.RunAsync(app, urls);
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
