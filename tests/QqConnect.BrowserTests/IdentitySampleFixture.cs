namespace QqConnect.BrowserTests;

/// <summary>The account-binding sample in demo mode (Development: the emulator it serves itself) on a fresh SQLite file, and Chromium.</summary>
public sealed class IdentitySampleFixture : BrowserFixture
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"qqconnect-browser-{Guid.NewGuid():N}.db");

    private protected override Task<SampleProcess> StartSampleAsync() => SampleProcess.StartBuiltAsync(
        TimeSpan.FromSeconds(30),
        SampleProcess.IdentitySample,
        new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={_database}", ["ASPNETCORE_ENVIRONMENT"] = "Development" });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
