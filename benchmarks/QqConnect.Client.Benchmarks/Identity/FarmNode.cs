using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace QqConnect.Client.Benchmarks.Identity;

/// <summary>
/// One node of the farm: the BUILT account-binding demo (samples/QqConnect.Sample.Identity, bin/&lt;configuration&gt;/net10.0)
/// as its own <c>dotnet</c> process on a free loopback port, with the given settings as environment variables. Its
/// output is read (so that it never blocks on a full pipe) and the last lines kept for an error message.
/// </summary>
internal sealed class FarmNode : IAsyncDisposable
{
    private const string Project = "QqConnect.Sample.Identity";
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private FarmNode(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The node's own address, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The process's resident memory (VmRSS, what <see cref="Process.WorkingSet64"/> reads on Linux); null once it exited.</summary>
    public long? WorkingSet
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? null : _process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The CPU time the process used so far (user and system), in seconds; null once it exited.</summary>
    public double? CpuSeconds
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? null : _process.TotalProcessorTime.TotalSeconds;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The last lines the site wrote.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Where the demo is built, for the configuration this program was built in; null when it is not.</summary>
    public static string? FindBuiltSite()
    {
        var configuration = typeof(FarmNode).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                var dll = Path.Combine(directory.FullName, "samples", Project, "bin", configuration, "net10.0", Project + ".dll");
                return File.Exists(dll) ? dll : null;
            }
        }

        return null;
    }

    /// <summary>Starts the site and returns once it answers 200 on <c>/</c> (its migrations and key ring are ready then).</summary>
    public static async Task<FarmNode> StartAsync(string siteDll, IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = FreeLoopbackAddress();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(siteDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(siteDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.AbsoluteUri.TrimEnd('/'));

        // Only the settings given here: none of this machine's QQ app, database or environment.
        foreach (var name in start.Environment.Keys.Where(IsSiteSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new FarmNode(process, baseAddress);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                var message = $"The site exited with code {process.ExitCode} before serving requests:\n{node.Tail}";
                await node.DisposeAsync();
                throw new InvalidOperationException(message);
            }

            try
            {
                using var response = await http.GetAsync(baseAddress);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                var message = $"The site did not answer on {baseAddress} within 60 s:\n{node.Tail}";
                await node.DisposeAsync();
                throw new TimeoutException(message);
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Gone already, or left to the OS.
        }

        _process.Dispose();
    }

    private static bool IsSiteSetting(string name) =>
        name.StartsWith("QqConnect__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("LoginState__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase);

    private static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
