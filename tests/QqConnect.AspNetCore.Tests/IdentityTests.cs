using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>ASP.NET Core Identity's external login through the handler, with EF Core on a real SQLite file.</summary>
public sealed class IdentityTests : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"qqconnect-identity-{Guid.NewGuid():N}.db");
    private TestSite _site = null!;

    public sealed class UsersDb(DbContextOptions<UsersDb> options) : IdentityDbContext<IdentityUser>(options);

    public async Task InitializeAsync()
    {
        var emulator = new QqConnectEmulator();
        _site = await TestSite.StartAsync(
            emulator: emulator,
            addDefaultScheme: false,
            configureServices: (services, _, _) =>
            {
                services.AddDbContext<UsersDb>(options => options.UseSqlite($"Data Source={_databasePath};Pooling=False"));
                services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<UsersDb>();
                // AddIdentity makes Identity's cookies the defaults; QQ signs in to the external cookie.
                services.AddAuthentication().AddQqConnect(options =>
                {
                    options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                    options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                    options.BackchannelHttpHandler = emulator.CreateHandler();
                    TestSite.Record(options.Events, () => _site);
                });
            },
            configureApp: app =>
            {
                using (var scope = app.Services.CreateScope())
                {
                    scope.ServiceProvider.GetRequiredService<UsersDb>().Database.EnsureCreated();
                }

                app.MapGet("/external-login", (SignInManager<IdentityUser> signIn, string? returnUrl) =>
                {
                    var properties = signIn.ConfigureExternalAuthenticationProperties("QQ", "/external-callback?returnUrl=" + Uri.EscapeDataString(returnUrl ?? "/"));
                    return Results.Challenge(properties, ["QQ"]);
                });
                app.MapGet("/external-callback", async (SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) =>
                {
                    var info = await signIn.GetExternalLoginInfoAsync();
                    if (info is null)
                    {
                        return Results.Text("no external login");
                    }

                    var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
                    if (!result.Succeeded)
                    {
                        var user = new IdentityUser("qq-" + info.ProviderKey);
                        await users.CreateAsync(user);
                        await users.AddLoginAsync(user, info);
                        result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
                    }

                    return Results.Text($"{info.LoginProvider}|{info.ProviderKey}|{info.ProviderDisplayName}|{info.Principal.Identity?.Name}|{result.Succeeded}");
                });
            });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        File.Delete(_databasePath);
    }

    [Fact]
    public async Task ExternalLogin_GetExternalLoginInfo_IsQqWithTheOpenIdAsProviderKey_AndTheLoginIsStoredInSqlite()
    {
        using var browser = _site.NewBrowser();
        var openId = _site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0);

        var (authorize, _, callbackResponse) = await LoginSteps.LoginAsync(browser, _site.Emulator, loginPath: "/external-login?returnUrl=%2Faccount");
        Assert.Equal(HttpStatusCode.Redirect, callbackResponse.StatusCode);
        using var external = await browser.GetAsync(callbackResponse.Headers.Location!.OriginalString);
        var text = await external.Content.ReadAsStringAsync();

        Assert.Empty(_site.Failures);
        Assert.Equal($"QQ|{openId}|QQ|小明|True", text);
        Assert.True(authorize.AbsoluteUri.Length <= 500);
        Assert.Equal(22, LoginSteps.Query(authorize, "state")!.Length);

        // A second login finds the stored row; the file holds it with LoginProvider QQ and the openid.
        using var again = site().NewBrowser();
        var (_, _, second) = await LoginSteps.LoginAsync(again, _site.Emulator, loginPath: "/external-login");
        using var secondExternal = await again.GetAsync(second.Headers.Location!.OriginalString);
        Assert.Equal($"QQ|{openId}|QQ|小明|True", await secondExternal.Content.ReadAsStringAsync());

        var db = new UsersDb(new DbContextOptionsBuilder<UsersDb>().UseSqlite($"Data Source={_databasePath};Pooling=False").Options);
        await using (db)
        {
            var login = await db.UserLogins.SingleAsync();
            Assert.Equal("QQ", login.LoginProvider);
            Assert.Equal(openId, login.ProviderKey);
        }

        TestSite site() => _site;
    }
}
