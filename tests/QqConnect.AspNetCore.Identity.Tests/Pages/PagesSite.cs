using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Pages;

/// <summary>The site's Identity database: Identity's tables and the package's.</summary>
public sealed class PagesDb(DbContextOptions<PagesDb> options) : IdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapQqConnectAccounts<IdentityUser>();
    }
}

/// <summary>
/// A site on TestServer (https://localhost) laid out like the Razor Pages template: Identity with
/// <c>RequireConfirmedAccount</c>, its login page at <c>/Identity/Account/Login</c>, QQ from the in-process emulator
/// (tokens saved), the package's pages from <c>MapQqConnectAccounts</c>; Identity on a SQLite file of its own. The
/// template's QQ button is played by <c>/template/external-login</c>, which challenges with the template's callback URL.
/// </summary>
public sealed class PagesSite : IAsyncDisposable
{
    public const string Password = "Correct-horse-1";
    public static readonly Uri BaseAddress = new("https://localhost/");

    private readonly WebApplication _app;
    private readonly string _databasePath;

    private PagesSite(WebApplication app, QqConnectEmulator emulator, string databasePath)
    {
        _app = app;
        Emulator = emulator;
        _databasePath = databasePath;
    }

    public QqConnectEmulator Emulator { get; }

    /// <summary>The site's SQLite file.</summary>
    public string DatabasePath => _databasePath;

    public IServiceProvider Services => _app.Services;

    public static async Task<PagesSite> StartAsync(Action<QqConnectAccountsOptions>? configure = null, QqConnectEmulator? emulator = null)
    {
        emulator ??= new QqConnectEmulator();
        var databasePath = Path.Combine(Path.GetTempPath(), $"qqconnect-pages-{Guid.NewGuid():N}.db");
        // Development, as the templates run: the container checks scopes (a scoped service taken from the root fails).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<PagesDb>(options => options.UseSqlite($"Data Source={databasePath}"));
        builder.Services.AddIdentity<IdentityUser, IdentityRole>(options => options.SignIn.RequireConfirmedAccount = true)
            .AddEntityFrameworkStores<PagesDb>()
            .AddQqConnectAccounts<IdentityUser, PagesDb>(configure);
        builder.Services.ConfigureApplicationCookie(options => options.LoginPath = "/Identity/Account/Login");
        builder.Services.AddAuthentication().AddQqConnect(options =>
        {
            options.AppId = QqConnectEmulatorOptions.DefaultAppId;
            options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
            options.BackchannelHttpHandler = emulator.CreateHandler();
            options.SaveTokens = true;
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/Identity/Account/Login", () => Results.Text("login page"));
        app.MapGet("/template/external-login", (SignInManager<IdentityUser> signIn, string? returnUrl) =>
        {
            var callback = "/Identity/Account/ExternalLogin?handler=Callback&returnUrl=" + Uri.EscapeDataString(returnUrl ?? "/");
            return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(QqConnectAuthenticationDefaults.AuthenticationScheme, callback), [QqConnectAuthenticationDefaults.AuthenticationScheme]);
        });
        app.MapGet("/Identity/Account/ExternalLogin", () => Results.Text("the template's callback page"));
        // Manage → External logins → QQ: the template's link login, started by the signed-in account.
        app.MapGet("/template/link-login", (HttpContext http, SignInManager<IdentityUser> signIn) =>
        {
            var properties = signIn.ConfigureExternalAuthenticationProperties(
                QqConnectAuthenticationDefaults.AuthenticationScheme, "/Identity/Account/Manage/ExternalLogins?handler=LinkLoginCallback", signIn.UserManager.GetUserId(http.User));
            return Results.Challenge(properties, [QqConnectAuthenticationDefaults.AuthenticationScheme]);
        }).RequireAuthorization();
        app.MapGet("/whoami", (HttpContext http) => Results.Text(http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "" : "anonymous"));
        app.MapGet("/test/sign-in", async (SignInManager<IdentityUser> signIn, string userName) =>
            (await signIn.PasswordSignInAsync(userName, Password, isPersistent: false, lockoutOnFailure: false)).Succeeded ? Results.Text("signed in") : Results.Forbid());
        app.MapQqConnectAccounts<IdentityUser>();

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PagesDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        app.GetTestServer().BaseAddress = BaseAddress;
        return new PagesSite(app, emulator, databasePath);
    }

    public TestBrowser NewBrowser() => new(CreateHandler(), BaseAddress);

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>Runs <paramref name="work"/> with the site's services in a scope of its own.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A confirmed local account with a password and no QQ.</summary>
    public Task<IdentityUser> CreateLocalUserAsync(string userName) => WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(userName) { Email = userName + "@example.com", EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user;
    });

    /// <summary>
    /// QQ登录 of emulator user <paramref name="userIndex"/> from the template's button: to QQ, approved, back to the
    /// handler, which hands over to the package's callback. Returns the callback's answer.
    /// </summary>
    public async Task<HttpResponseMessage> QqLoginAsync(TestBrowser browser, int userIndex = 0, string returnUrl = "/")
    {
        using var challenge = await browser.GetAsync("/template/external-login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await FollowQqAsync(browser, challenge, userIndex);
    }

    /// <summary>From a challenge answer (302 to QQ), QQ approves as <paramref name="userIndex"/>; returns the callback's answer.</summary>
    public async Task<HttpResponseMessage> FollowQqAsync(TestBrowser browser, HttpResponseMessage challenge, int userIndex = 0)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal("/oauth2.0/authorize", authorize.AbsolutePath);
        using var afterQq = await browser.GetAsync(Emulator.Authorize(authorize, userIndex).AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, afterQq.StatusCode);
        var callback = afterQq.Headers.Location!.OriginalString;
        Assert.StartsWith("/qqconnect/callback", callback, StringComparison.Ordinal);
        return await browser.GetAsync(callback);
    }

    /// <summary>A first QQ login, then "create a new account" with the suggested user name; returns the user name.</summary>
    public async Task<string> QqLoginAndCreateAsync(TestBrowser browser, int userIndex = 0)
    {
        using (var callback = await QqLoginAsync(browser, userIndex))
        {
            Assert.Equal("/qqconnect/bind?returnUrl=%2F", callback.Headers.Location?.OriginalString);
        }

        var page = await browser.PageAsync("/qqconnect/bind?returnUrl=%2F");
        var userName = TestBrowser.Attribute(page, "userName", "value")!;
        using var created = await browser.SubmitAsync("/qqconnect/bind?returnUrl=%2F", "create-account", ("userName", userName), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Headers.Location!.OriginalString);
        return userName;
    }

    public async Task<string> WhoAmIAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync("/whoami");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
