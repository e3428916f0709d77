using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;

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
    [InlineData("--config", "/dev/zero")]
    [InlineData("--config", "/")]
    [InlineData("--urls", "http://127.0.0.1:0/qq")]
    [InlineData("--urls", "http://127.0.0.1:0;http://[::1]:0")]
    [InlineData("--app", "a:b:")]
    [InlineData("--user", "a:")]
    [InlineData("--fault", "kind=ServerError,statusCode=99999")]
    [InlineData("--code-lifetime", "0")]
    [InlineData("--access-token-lifetime", "-5")]
    public async Task Tool_BadArgument_PrintsOneLineNamingTheOptionAndExitsWith2(string name, string value)
    {
        var (exit, stdout, stderr) = await RunToolAsync(name, value);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(name, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "apps": [ null ] }""", "apps[0] is null")]
    [InlineData("""{ "apps": [] }""", "apps is empty")]
    [InlineData("""{ "users": [ { "key": "a", "nickname": "" } ] }""", "users[0].nickname is required")]
    [InlineData("""{ "faults": [ { "kind": "CustomBody", "statusCode": 99999 } ] }""", "faults[0]: statusCode must be an HTTP answer status from 200 to 599")]
    [InlineData("""{ "codeLifetimeSeconds": -1 }""", "codeLifetimeSeconds must be a positive number")]
    [InlineData("""{ "omitRefreshTokens": true }""", "line 1, column 23: unknown key 'omitRefreshTokens'; the keys here are urls, apps,")]
    public async Task Tool_BadConfigFile_PrintsOneLineNamingTheKeyAndExitsWith2(string json, string named)
    {
        var directory = Directory.CreateTempSubdirectory("qqconnect-emulator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "emulator.json");
            await File.WriteAllTextAsync(path, json);

            var (exit, stdout, stderr) = await RunToolAsync("--config", path);

            Assert.Equal(2, exit);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(path + ": ", line, StringComparison.Ordinal);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Tool_PortBelowTheUnprivilegedStart_AsAnOrdinaryUser_SaysPermissionDeniedOnOneLine()
    {
        var first = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_unprivileged_port_start").Trim(), CultureInfo.InvariantCulture);
        Skip.If(first < 2, "every port may be bound by an ordinary user here (net.ipv4.ip_unprivileged_port_start = " + first + ")");
        var port = (first - 1).ToString(CultureInfo.InvariantCulture);

        var (exit, stdout, stderr) = await RunToolAsync(unprivileged: true, "--port", port);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Cannot listen on http://127.0.0.1:{port}: permission denied", line, StringComparison.Ordinal);
        Assert.Contains("Pick another port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （", line, StringComparison.Ordinal);
        Assert.Contains($"（无法在 http://127.0.0.1:{port} 上监听：没有权限", line, StringComparison.Ordinal);
        Assert.EndsWith("。请用 --urls http://127.0.0.1:PORT 换一个端口，或用 --port 0 取任意空闲端口。）", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Tool_ConfigFileItMayNotRead_AsAnOrdinaryUser_SaysPermissionDeniedOnOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("qqconnect-emulator-config-");
        try
        {
            File.SetUnixFileMode(directory.FullName, (UnixFileMode)0b111_101_101);
            var path = Path.Combine(directory.FullName, "secret.json");
            await File.WriteAllTextAsync(path, "{}");
            File.SetUnixFileMode(path, UnixFileMode.None);

            var (exit, stdout, stderr) = await RunToolAsync(unprivileged: true, "--config", path);

            Assert.Equal(2, exit);
            Assert.Equal($"--config: cannot read '{path}': permission denied. （--config：无法读取 '{path}'：没有权限。）\n", stderr);
            Assert.Equal("", stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunToolAsync(params string[] args) => RunToolAsync(unprivileged: false, args);

    /// <summary>Runs the tool; <paramref name="unprivileged"/> runs it as the user nobody when this process is root (as the PostgreSQL tests do with their server).</summary>
    private static async Task<(int Exit, string Stdout, string Stderr)> RunToolAsync(bool unprivileged, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var asNobody = unprivileged && Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asNobody ? "runuser" : host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var argument in new[] { "-u", "nobody", "--", host })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

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
