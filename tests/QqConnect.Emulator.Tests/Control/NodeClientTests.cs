using System.Diagnostics;
using System.Text;

namespace QqConnect.Emulator.Tests.Control;

/// <summary>
/// The built tool, started with <c>--control</c> as a user of another language starts it, driven by a Node.js test
/// (<c>tests/node/emulator-control.test.mjs</c>: a login through the page's form, then the control API). Skipped when
/// Node.js is missing, unless <see cref="RequireNodeVariable"/> is 1.
/// </summary>
public sealed class NodeClientTests
{
    /// <summary>Set to 1 (as CI does) to fail instead of skipping when Node.js is missing.</summary>
    public const string RequireNodeVariable = "QQCONNECT_REQUIRE_NODE";

    [SkippableFact]
    public async Task NodeClient_LogsInAndControlsTheToolOverHttp()
    {
        var node = FindNode();
        if (node is null)
        {
            Assert.True(
                Environment.GetEnvironmentVariable(RequireNodeVariable) != "1",
                $"Node.js is not installed (no node on PATH), and {RequireNodeVariable}=1 requires it.");
            Skip.If(true, $"Node.js is not installed (no node on PATH): the Node client test is skipped. Install Node 20 or later, or set {RequireNodeVariable}=1 to make this a failure.");
        }

        var script = Path.Combine(RepositoryRootOf(AppContext.BaseDirectory), "tests", "node", "emulator-control.test.mjs");
        await using var tool = await ToolProcess.StartAsync("--port", "0", "--control");

        var (exit, output) = await RunAsync(node!, ["--test", script], new() { ["QQCONNECT_EMULATOR_URL"] = tool.BaseAddress.AbsoluteUri });

        Assert.True(exit == 0, $"node --test exited with {exit}:\n{output}");
        Assert.Contains("# fail 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("# pass 0", output, StringComparison.Ordinal);
    }

    private static string? FindNode()
    {
        var name = OperatingSystem.IsWindows() ? "node.exe" : "node";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string RepositoryRootOf(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QqConnect.Client.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (QqConnect.Client.sln) is not above " + start);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node --test did not finish in 120 s:\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The built tool in a child process (<c>dotnet QqConnect.Emulator.dll ...</c>), stopped on dispose.</summary>
    private sealed class ToolProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output;

        private ToolProcess(Process process, StringBuilder output, Uri baseAddress)
        {
            _process = process;
            _output = output;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<ToolProcess> StartAsync(params string[] args)
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QqConnect.Emulator.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var output = new StringBuilder();
            var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    address.TrySetException(new InvalidOperationException("the tool stopped before listening:\n" + output));
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line.Data);
                }

                const string marker = "listening on ";
                var at = line.Data.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    address.TrySetResult(new Uri(line.Data[(at + marker.Length)..].Trim()));
                }
            };
            process.ErrorDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                return new ToolProcess(process, output, await address.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            lock (_output)
            {
                _output.Clear();
            }
        }
    }
}
