// The account-binding site: QQ登录 tied to the site's own users, the .NET way — ASP.NET Core Identity on EF Core
// (SQLite by default, PostgreSQL by configuration), AddQqConnect() for QQ, Data Protection keys in the database so that a farm shares them.
// Run it in Development with nothing configured (`dotnet run` does: Properties/launchSettings.json) and it logs in
// against the QQ Connect emulator it serves itself under /qqconnect-emulator/ (demo mode, UseEmulatorInDevelopment());
// configure QqConnect:AppId and AppKey and it talks to https://graph.qq.com/.
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Emulator;
using QqConnect.AspNetCore.Identity;
using QqConnect.Sample.Identity;
using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Web;
using QqConnect.Samples;

var builder = WebApplication.CreateBuilder(args);

// The sample's own start-up lines, not the host's; no per-request log lines (the callback URL carries the code); a
// port already taken or out of range is one line with the --urls hint and exit code 2 (samples/Shared/SampleHost.cs).
if (await builder.PrepareAsync() is not { } urls)
{
    return 2;
}

SiteSettings settings;
try
{
    settings = SiteSettings.Create(builder.Configuration.GetSection("QqConnect"));
}
catch (InvalidOperationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}

if (settings.IsDemo)
{
    if (!builder.Environment.IsDevelopment())
    {
        // UseEmulatorInDevelopment() below serves the emulator only in Development: say so in one line, not with the
        // start-up exception (whose message says the same).
        await Console.Error.WriteLineAsync(
            $"QqConnect:AppId and QqConnect:AppKey are not set: demo mode (the built-in QQ Connect emulator) runs only in the Development environment, and this is '{builder.Environment.EnvironmentName}'. Set ASPNETCORE_ENVIRONMENT=Development (dotnet run does), or configure a QQ app.");
        return 1;
    }

    // The key ring below is stored unprotected; Data Protection warns "No XML encryptor configured" whenever it makes
    // a key. Real mode keeps that warning (protect the keys at rest: docs/account-binding.md); the demo's keys only
    // protect demo cookies, in a database file beside them.
    builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
    // The site prints its own DEMO MODE line at start instead of the emulator package's warning.
    builder.Logging.AddFilter("QqConnect.AspNetCore.Emulator", LogLevel.Error);
}

builder.Services.AddSiteDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSiteForwardedHeaders(builder.Configuration);

// Every instance of a farm reads and writes the same key ring, in the database: the Identity cookies and the QQ
// login's state and correlation cookies made by one instance are read by all. (Data/DatabaseSetup.cs: without the
// repository's log lines, which carry the keys.)
builder.Services.AddDataProtection()
    .PersistKeysToSiteDatabase()
    .SetApplicationName("QqConnect.Sample.Identity");

builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
    {
        // QQ gives no e-mail and Chinese sites rarely ask for one: a user name and a password. Nicknames are Chinese.
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "";
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 8;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    // QqConnect.AspNetCore.Identity: the binding rules and the QQ profile and tokens (the pages are the site's own,
    // in Web/), QQ-made accounts confirmed, no lockout by strangers, user names that cannot impersonate.
    .AddQqConnectAccounts<IdentityUser, AppDbContext>()
    .AddErrorDescriber<ChineseIdentityErrorDescriber>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/login";
    options.AccessDeniedPath = "/login";
});

// QQ signs in to Identity's external cookie (AddIdentity makes it the default sign-in scheme); the pages then
// sign in to the account. SaveTokens keeps QQ's tokens for the profile refresh on the account page.
// With no app configured, UseEmulatorInDevelopment() points the scheme at the emulator the site serves in Development
// (its UnionID app: the demo asks for the UnionID). The section's keys: docs/getting-started.md.
builder.Services.AddAuthentication().AddQqConnect(builder.Configuration.GetSection("QqConnect"), options =>
{
    options.RequestUnionId = settings.RequestUnionId;
    options.SaveTokens = true;
    // Plain http works for the demo and behind a TLS-terminating proxy; https keeps the login's cookie Secure.
    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    // The user pressed "deny" on QQ (100030): back to the sign-in page. Without this (and without an
    // AccessDeniedPath), ASP.NET Core lets the callback request fall through to a 404.
    options.Events.OnAccessDenied = context =>
    {
        context.Response.Redirect("/login?m=qq-denied");
        context.HandleResponse();
        return Task.CompletedTask;
    };
    // Any other QQ failure (a reused code, a tampered state, QQ unreachable): the same page, another message.
    options.Events.OnRemoteFailure = context =>
    {
        context.Response.Redirect("/login?m=qq-failed");
        context.HandleResponse();
        return Task.CompletedTask;
    };
}).UseEmulatorInDevelopment();
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

// The database file and its tables come from the committed migrations; then the key ring has a key before the
// first request (so instances started one after the other share it).
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup").Protect([0]);
}

// Forwarded headers (behind a TLS-terminating proxy, when configured), HSTS, the security headers (Web/SecurityHeaders.cs).
app.UseSiteSecurityHeaders();
// The database down or unreachable under any later step (the sign-in cookie's check included): the package's 503 page,
// not a stack trace; every account write is one transaction, so nothing is half-written, and reloading goes on.
app.UseQqConnectDatabaseUnavailablePage();
app.UseAuthentication();
app.UseAuthorization();
app.MapLocalAccounts();
app.MapQqLogin();
app.MapAccount();

app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine(settings.IsDemo
        ? $"QQ Connect account-binding sample: DEMO MODE (no QqConnect:AppId/AppKey configured); QQ login goes to the built-in emulator at {urls.Split(';')[0]}{QqConnectEmulatorDefaults.PathPrefix}/, not the real QQ."
        : $"QQ Connect account-binding sample: app {settings.AppId} at {settings.BaseAddress?.AbsoluteUri ?? "https://graph.qq.com/"}.");
    Console.WriteLine($"  Listening on {urls}. Open {urls.Split(';')[0]}/ in a browser. Ctrl+C stops.");
});

return await SampleHost.RunAsync(app, urls);
