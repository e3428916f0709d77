using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QqConnect.BrowserTests;

/// <summary>What a new user sees when starting the demo. No browser needed.</summary>
public sealed class SampleStartupTests
{
    [Fact]
    public async Task Sample_PortInUse_PrintsOneLineWithTheUrlsHintAndExitsWith2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exit, stdout, stderr) = await SampleProcess.RunBuiltToExitAsync(TimeSpan.FromSeconds(45), "--urls", "http://127.0.0.1:" + port);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_PortOutOfRange_PrintsOneLineWithTheUrlsHintAndExitsWith2()
    {
        var (exit, stdout, stderr) = await SampleProcess.RunBuiltToExitAsync(TimeSpan.FromSeconds(45), "--urls", "http://127.0.0.1:70000");

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_DemoStart_PrintsNoWarningsAndNoHostingNoise()
    {
        await using var sample = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(45));
        using var http = new HttpClient();
        await http.GetStringAsync(sample.BaseAddress);

        Assert.Contains("DEMO MODE", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting environment", sample.Output, StringComparison.Ordinal);
    }
}
