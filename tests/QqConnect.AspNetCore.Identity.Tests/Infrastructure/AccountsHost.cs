using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QqConnect.Client;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>
/// A site's services without its web host: Identity on <see cref="TestDbContext"/> over a real database (a SQLite file or
/// a PostgreSQL database, <see cref="AccountsDatabase"/>),
/// <c>AddQqConnectAccounts</c>, and two QQ schemes of one developer (web <c>QQ</c> and mobile <c>QQ.Mobile</c>, the
/// emulator's two apps), whose back-channel is the in-process emulator.
/// </summary>
public sealed class AccountsHost : IDisposable
{
    public const string Web = "QQ";
    public const string Mobile = "QQ.Mobile";
    public static readonly Uri RedirectUri = new("https://localhost/signin-qq");

    private readonly ServiceProvider _services;
    private readonly AccountsDatabase _database;

    public AccountsHost(AccountsDatabase database, QqConnectEmulator emulator, string? keyDirectory = null, Action<IServiceCollection>? configure = null)
    {
        Emulator = emulator;
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        var protection = services.AddDataProtection().SetApplicationName("QqConnect.AspNetCore.Identity.Tests");
        protection.PersistKeysToFileSystem(new DirectoryInfo(keyDirectory ?? Path.Combine(Path.GetTempPath(), "qqconnect-accounts-keys")));
        services.AddDbContext<TestDbContext>(database.Use);
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<TestDbContext>()
            .AddQqConnectAccounts<IdentityUser, TestDbContext>();
        services.AddAuthentication()
            .AddQqConnect(Web, options => App(options, QqConnectEmulatorOptions.UnionIdAppId, QqConnectEmulatorOptions.UnionIdAppKey))
            .AddQqConnect(Mobile, options => App(options, QqConnectEmulatorOptions.DefaultAppId, QqConnectEmulatorOptions.DefaultAppKey));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreated();
        return;

        void App(QqConnectAuthenticationOptions options, string appId, string appKey)
        {
            options.AppId = appId;
            options.AppKey = appKey;
            options.RequestUnionId = true;
            options.SaveTokens = true;
            options.BackchannelHttpHandler = emulator.CreateHandler();
        }
    }

    public QqConnectEmulator Emulator { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public IServiceProvider Services => _services;

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>The emulator user <paramref name="userIndex"/> as the scheme's login sees them.</summary>
    public QqLogin Login(string scheme, int userIndex, string? nickname = null)
    {
        var appId = scheme == Web ? QqConnectEmulatorOptions.UnionIdAppId : QqConnectEmulatorOptions.DefaultAppId;
        return new QqLogin(scheme, Emulator.GetOpenId(appId, userIndex), Emulator.GetUnionId(appId, userIndex), nickname ?? Emulator.Users[userIndex].Nickname, null);
    }

    /// <summary>Real tokens of the scheme for the emulator user: authorize, then exchange the code.</summary>
    public async Task<QqAccessToken> TokensAsync(string scheme, int userIndex)
    {
        var client = _services.GetRequiredService<IQqConnectSchemeClientFactory>().CreateClient(scheme);
        var authorize = client.BuildAuthorizeUrl(new QqAuthorizeRequest("state-1") { RedirectUri = RedirectUri.AbsoluteUri });
        var callback = Emulator.Authorize(authorize, userIndex);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        return await client.ExchangeCodeAsync(code, RedirectUri.AbsoluteUri);
    }

    /// <summary>A context on the database, outside the services' scopes.</summary>
    public TestDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        _database.Use(options);
        return new TestDbContext(options.Options);
    }

    public void Dispose() => _services.Dispose();
}
