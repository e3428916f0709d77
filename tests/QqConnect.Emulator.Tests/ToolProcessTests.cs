using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QqConnect.Emulator.Tests;

/// <summary>The built tool as a user runs it: <c>dotnet QqConnect.Emulator.dll ...</c> in a child process.</summary>
public sealed class ToolProcessTests
{
    [Fact]
    public async Task Tool_PortInUse_PrintsOneLineAndExitsWith2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, stdout, stderr) = await RunToolAsync("--port", port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--urls", "http://127.0.0.1:70000")]
    [InlineData("--urls", "http://[::ffff:127.0.0.1]:0")]
    [InlineData("--config", "")]
    public async Task Tool_BadArgument_PrintsOneLineNamingTheOptionAndExitsWith2(string name, string value)
    {
        var (exit, stdout, stderr) = await RunToolAsync(name, value);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(name, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunToolAsync(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QqConnect.Emulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the tool did not exit: " + await stdout);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
