using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace QqConnect.TestSupport;

/// <summary>
/// A sample web app running as a child process in demo mode, on a free loopback port. One file for the test projects
/// that start samples (linked into QqConnect.BrowserTests and QqConnect.Sample.Identity.Tests).
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The sample's address, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The repository root (the folder of QqConnect.Client.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The build configuration of these tests, and so of the sample built with them.</summary>
    public static string Configuration { get; } =
        typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The hand-wired sample (no handler, no Identity).</summary>
    public const string WebSample = "QqConnect.Sample.Web";

    /// <summary>The account-binding sample (Identity, AddQqConnect()): the README's demo.</summary>
    public const string IdentitySample = "QqConnect.Sample.Identity";

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Starts a built sample: <c>dotnet {project}.dll --urls http://127.0.0.1:PORT</c>, with <paramref name="environment"/>
    /// added (say, the account-binding sample's database file).
    /// </summary>
    public static Task<SampleProcess> StartBuiltAsync(TimeSpan timeout, string project = WebSample, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = Path.Combine(RepositoryRoot, "samples", project, "bin", Configuration, "net10.0");
        return StartAppAsync(Path.Combine(output, project + ".dll"), output, timeout, environment);
    }

    /// <summary>
    /// Starts any built web app, <c>dotnet {assembly} --urls http://127.0.0.1:PORT</c> in <paramref name="workingDirectory"/>
    /// (its content root), with <paramref name="environment"/> added; returns once it answers 200 on <c>/</c>.
    /// </summary>
    public static Task<SampleProcess> StartAppAsync(string assembly, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseAddress = FreeLoopbackAddress();
        var start = NewStartInfo(workingDirectory, environment);
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.AbsoluteUri.TrimEnd('/'));
        return StartAsync(start, baseAddress, timeout);
    }

    /// <summary>
    /// Runs a built sample with <paramref name="args"/> (and <paramref name="environment"/> added) until it exits; returns
    /// its exit code, stdout and stderr.
    /// </summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunBuiltToExitAsync(
        string project, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var output = Path.Combine(RepositoryRoot, "samples", project, "bin", Configuration, "net10.0");
        return RunDotnetToExitAsync(output, environment, timeout, [Path.Combine(output, project + ".dll"), .. args]);
    }

    /// <summary>
    /// Runs <c>dotnet {args}</c> in <paramref name="workingDirectory"/> (with <paramref name="environment"/> added) until it
    /// exits; returns its exit code, stdout and stderr. A run past <paramref name="timeout"/> is killed and throws.
    /// </summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunDotnetToExitAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var start = NewStartInfo(workingDirectory, environment);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', args)}' did not exit within {timeout}. Output:\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts a sample with the README's command, <c>dotnet run --project samples/{project}</c>
    /// (plus --no-build and the configuration), on a free port given by ASPNETCORE_URLS.
    /// </summary>
    public static Task<SampleProcess> StartWithDotnetRunAsync(TimeSpan timeout, string project)
    {
        var baseAddress = FreeLoopbackAddress();
        var start = NewStartInfo(RepositoryRoot);
        foreach (var argument in new[] { "run", "--project", "samples/" + project, "--no-build", "-c", Configuration })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = baseAddress.AbsoluteUri.TrimEnd('/');
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        return StartAsync(start, baseAddress, timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Left to the OS.
        }

        _process.Dispose();
    }

    private static async Task<SampleProcess> StartAsync(ProcessStartInfo start, Uri baseAddress, TimeSpan timeout)
    {
        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // and for the last lines of its output
                var output = sample.Output;
                var exitCode = process.ExitCode; // read before DisposeAsync releases the process
                await sample.DisposeAsync();
                throw new InvalidOperationException($"The sample exited with code {exitCode} before serving requests. Output:\n{output}");
            }

            try
            {
                using var response = await http.GetAsync(baseAddress);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return sample;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start.
            }

            if (DateTime.UtcNow > deadline)
            {
                var output = sample.Output;
                await sample.DisposeAsync();
                throw new TimeoutException($"The sample did not answer on {baseAddress} within {timeout}. Output:\n{output}");
            }

            await Task.Delay(200);
        }
    }

    private static ProcessStartInfo NewStartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // Demo mode, as on a fresh machine: no QQ app from this machine's environment.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("QqConnect__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("LoginState__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"QqConnect.Client.sln not found above {AppContext.BaseDirectory}.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
