using System.Net.Sockets;
using System.Text;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>
/// The built site as a process (samples/Shared/SampleHost.cs): a listening address it cannot honour is one line and
/// exit code 2, and a Host header no host name can have is a 400, never a stack trace.
/// </summary>
public sealed class ListeningAddressTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings__Default"] = $"Data Source={_database.Path}",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };

    [Theory]
    [InlineData("http://foo.invalid:5314", "'foo.invalid' is not an IP address or localhost")]
    [InlineData("http://[::ffff:127.0.0.1]:5313", "write it as 127.0.0.1")]
    public async Task Urls_ThatCannotBeListenedOnAsGiven_StopWithOneLine_AndExitCode2(string urls, string problem)
    {
        var (exit, stdout, stderr) = await SampleProcess.RunBuiltToExitAsync(
            SampleProcess.IdentitySample, Settings(), TimeSpan.FromSeconds(60), "--urls", urls);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(urls, line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:PORT", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostHeaderLongerThanAnyHostName_Gets400_AndNoStackTraceInTheLog()
    {
        // A real QQ app outside Development: the QQ login's challenge builds its redirect_uri from the Host header.
        var settings = Settings();
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["QqConnect__AppId"] = "101234567";
        settings["QqConnect__AppKey"] = "0123456789abcdef0123456789abcdef";
        settings["QqConnect__BaseAddress"] = "http://127.0.0.1:9/";
        await using var site = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(60), SampleProcess.IdentitySample, settings);

        var longHost = new string('a', 600);
        var statusLines = new List<string>();
        foreach (var path in new[] { "/qq/login", "/" })
        {
            statusLines.Add(await RawGetStatusLineAsync(site.BaseAddress, path, longHost));
        }

        // An ordinary host still works on the same process.
        var ordinary = await RawGetStatusLineAsync(site.BaseAddress, "/qq/login", site.BaseAddress.Authority);
        await Task.Delay(500); // the log lines of a failed request, had there been one

        Assert.All(statusLines, line => Assert.StartsWith("HTTP/1.1 400 ", line, StringComparison.Ordinal));
        Assert.StartsWith("HTTP/1.1 302 ", ordinary, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", site.Output, StringComparison.Ordinal);
    }

    private static async Task<string> RawGetStatusLineAsync(Uri site, string path, string host)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(site.Host, site.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync();
        return response.Split("\r\n")[0];
    }
}
