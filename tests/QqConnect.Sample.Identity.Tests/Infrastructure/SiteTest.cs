using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.Sample.Identity.Tests.Infrastructure;

/// <summary>
/// A test class with the site of its own: the UnionID app on the in-process emulator, on a SQLite file of its own,
/// started (so migrated) before each test and deleted after it.
/// </summary>
public abstract class SiteTest : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected QqConnectEmulator Emulator { get; } = new();

    protected SiteFactory Site { get; private set; } = null!;

    /// <summary>The site's SQLite file.</summary>
    protected string DatabasePath => _database.Path;

    public Task InitializeAsync()
    {
        Site = SiteFactory.UnionIdApp(Emulator, _database.Path);
        _ = Site.Server; // starts the site: the database is migrated
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>An account made by QQ登录 (first login, "create a new account" on the bind page); its id.</summary>
    protected async Task<string> QqAccountAsync()
    {
        using (var browser = Site.NewBrowser())
        {
            await Flows.QqLoginAndCreateAccountAsync(browser, Emulator);
        }

        await using var db = Site.OpenDatabase();
        return (await db.Users.SingleAsync()).Id;
    }

    /// <summary>
    /// The user as a request in <paramref name="scope"/> loads it, then made stale: another request (a second tab)
    /// changes the user row's stamps, so Identity refuses writes through this copy.
    /// </summary>
    protected async Task<IdentityUser> StaleCopyAsync(IServiceScope scope, string userId)
    {
        var copy = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByIdAsync(userId))!;
        using var other = Site.Services.CreateScope();
        var users = other.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!)).Succeeded);
        return copy;
    }
}
