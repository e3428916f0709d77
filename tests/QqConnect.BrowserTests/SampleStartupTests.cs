using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QqConnect.BrowserTests;

/// <summary>
/// What a new user sees when starting either web sample (the README's demo, the account-binding site, and the
/// hand-wired one). No browser needed. The account-binding site gets a fresh SQLite file of its own.
/// </summary>
public sealed class SampleStartupTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"qqconnect-startup-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Theory]
    [InlineData(SampleProcess.IdentitySample)]
    [InlineData(SampleProcess.WebSample)]
    public async Task Sample_PortInUse_PrintsOneLineWithTheUrlsHintAndExitsWith2(string project)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exit, stdout, stderr) = await SampleProcess.RunBuiltToExitAsync(
            project, Environment(project), TimeSpan.FromSeconds(45), "--urls", "http://127.0.0.1:" + port);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SampleProcess.IdentitySample)]
    [InlineData(SampleProcess.WebSample)]
    public async Task Sample_PortOutOfRange_PrintsOneLineWithTheUrlsHintAndExitsWith2(string project)
    {
        var (exit, stdout, stderr) = await SampleProcess.RunBuiltToExitAsync(
            project, Environment(project), TimeSpan.FromSeconds(45), "--urls", "http://127.0.0.1:70000");

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'http://127.0.0.1:70000'", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SampleProcess.IdentitySample)]
    [InlineData(SampleProcess.WebSample)]
    public async Task Sample_DemoStart_PrintsNoWarningsAndNoHostingNoise(string project)
    {
        await using var sample = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(45), project, Environment(project));
        using var http = new HttpClient();
        await http.GetStringAsync(sample.BaseAddress);

        Assert.Contains("DEMO MODE", sample.Output, StringComparison.Ordinal);
        Assert.Contains($"Open {sample.BaseAddress}", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting environment", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Content root path", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", sample.Output, StringComparison.Ordinal);
    }

    // The account-binding site writes its database file (and key ring) at start-up: one per test, not the demo's. Its
    // demo mode runs in Development (as under dotnet run).
    private Dictionary<string, string> Environment(string project) => project == SampleProcess.IdentitySample
        ? new() { ["ConnectionStrings__Default"] = $"Data Source={_database}", ["ASPNETCORE_ENVIRONMENT"] = "Development" }
        : [];
}
