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
}
