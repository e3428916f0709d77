using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

namespace QqConnect.Client.Benchmarks;

/// <summary>
/// <c>load --concurrency N --seconds T [--warmup-seconds W] [--server process|in-process]</c>: N workers run full
/// logins (exchange code, openid, user info) for T seconds against the loopback emulator through ONE shared
/// <see cref="QqConnectClient"/>, and report throughput, latency percentiles, errors, TCP connections opened
/// (counted in the client's <see cref="SocketsHttpHandler.ConnectCallback"/>) and memory over time.
/// </summary>
internal static class LoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--handler"))
        {
            return await Handler.HandlerLoadRunner.RunAsync([.. args.Where(a => a != "--handler")]);
        }

        if (args.Contains("--identity"))
        {
            return await Identity.IdentityLoadRunner.RunAsync([.. args.Where(a => a != "--identity")]);
        }

        var concurrency = 16;
        var seconds = 30;
        var warmupSeconds = 3;
        var childProcess = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--concurrency" when i + 1 < args.Length: concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds" when i + 1 < args.Length: warmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--server" when i + 1 < args.Length: childProcess = args[++i] != "in-process"; break;
                default:
                    Console.Error.WriteLine("load [--concurrency 16] [--seconds 30] [--warmup-seconds 3] [--server process|in-process]");
                    return 2;
            }
        }

        if (concurrency < 1 || seconds < 1 || warmupSeconds < 0)
        {
            Console.Error.WriteLine("--concurrency and --seconds must be at least 1.");
            return 2;
        }

        await using var server = childProcess ? await EmulatorHost.StartChildAsync() : await EmulatorHost.StartInProcessAsync();
        var connections = 0L;
        using var handler = new SocketsHttpHandler
        {
            // The same settings as the client's own pool (SdkHttpDefaults), plus a counter of opened connections.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var client = new QqConnectClient(http, new QqConnectOptions
        {
            AppId = QqConnectEmulatorOptions.DefaultAppId,
            AppKey = QqConnectEmulatorOptions.DefaultAppKey,
            RedirectUri = LoginBenchmarkBase.RedirectUri,
            BaseAddress = server.BaseAddress,
        });
        var authorizeUrl = client.BuildAuthorizeUrl("load-state");

        var run = new LoadRun();

        async Task LoginAsync(int worker)
        {
            string code;
            try
            {
                code = await server.NextCodeAsync(authorizeUrl, worker % 3);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or QqConnectEmulatorException)
            {
                run.Failed("authorize: " + ex.GetType().Name);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var token = await client.ExchangeCodeAsync(code);
                var openId = await client.GetOpenIdAsync(token.AccessToken);
                _ = await client.GetUserInfoAsync(token.AccessToken, openId.OpenId);
            }
            catch (QqConnectException ex)
            {
                run.Failed($"{ex.Operation}: {ex.Kind}");
                return;
            }

            run.Succeeded(started);
        }

        Console.WriteLine($"load: {concurrency} concurrent logins for {seconds} s (after {warmupSeconds} s warm-up) against {server.Description} at {server.BaseAddress}");
        var connectionsAtStart = 0L;
        await run.RunAsync(
            concurrency,
            seconds,
            warmupSeconds,
            LoginAsync,
            server,
            timelineColumns: () => Interlocked.Read(ref connections).ToString("N0", CultureInfo.InvariantCulture),
            measuringStarts: () => connectionsAtStart = Interlocked.Read(ref connections));

        var total = run.Completed;
        var totalConnections = Interlocked.Read(ref connections);
        Console.WriteLine();
        Console.WriteLine("| concurrency | seconds | logins | logins/s | HTTP calls/s (SDK) | p50 ms | p90 ms | p99 ms | max ms | errors | TCP connections opened (total / during the run) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {concurrency} | {run.Elapsed.TotalSeconds:F1} | {total:N0} | {total / run.Elapsed.TotalSeconds:N0} | {3 * total / run.Elapsed.TotalSeconds:N0} | {run.Percentile(0.50):F2} | {run.Percentile(0.90):F2} | {run.Percentile(0.99):F2} | {run.Max():F2} | {run.Failures} | {totalConnections} / {totalConnections - connectionsAtStart} |"));
        run.PrintDetails("client", "| second | logins | connections so far | client GC heap (MiB, no forced GC) | client working set (MiB) |", "|---:|---:|---:|---:|---:|");

        // Fails the CI smoke run when nothing worked or anything failed.
        return run.ExitCode;
    }
}

/// <summary>
/// The loopback emulator for the load run: by default a child process (this program's <c>emulator-server</c>
/// command), so that the emulator's memory (what it remembers of the codes and tokens it issued) stays out of the client's
/// numbers; the browser step is then its authorize form, POSTed over a separate connection and not timed.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly QqConnectEmulatorServer? _server;
    private readonly HttpClient? _browser;

    private EmulatorHost(Uri baseAddress, Process? process, QqConnectEmulatorServer? server)
    {
        BaseAddress = baseAddress;
        _process = process;
        _server = server;
        if (process is not null)
        {
            _browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        }
    }

    public Uri BaseAddress { get; }

    public string Description => _process is null ? "the emulator server in this process" : $"the emulator server in child process {_process.Id}";

    public long? WorkingSet
    {
        get
        {
            if (_process is null)
            {
                return null;
            }

            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The emulator server in this process; <paramref name="options"/> for other users or apps than the defaults.</summary>
    public static async Task<EmulatorHost> StartInProcessAsync(QqConnectEmulatorOptions? options = null)
    {
        var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0, EmulatorOptions = options });
        return new EmulatorHost(server.BaseAddress, null, server);
    }

    public static async Task<EmulatorHost> StartChildAsync()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        }

        start.ArgumentList.Add("emulator-server");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        const string Prefix = "listening ";
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The emulator said: {line}");
        }

        return new EmulatorHost(new Uri(line[Prefix.Length..]), process, null);
    }

    /// <summary>The child process: serves the emulator on an ephemeral loopback port until its standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
        Console.WriteLine("listening " + server.BaseAddress.AbsoluteUri);
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        return 0;
    }

    /// <summary>Plays the browser: a fresh single-use code for <paramref name="userIndex"/>.</summary>
    public async Task<string> NextCodeAsync(Uri authorizeUrl, int userIndex)
    {
        var callback = await AuthorizeAsync(authorizeUrl, userIndex);
        var query = callback.Query;
        var start = query.IndexOf("code=", StringComparison.Ordinal) + 5;
        var end = query.IndexOf('&', start);
        return end < 0 ? query[start..] : query[start..end];
    }

    /// <summary>Plays the user on QQ's authorize page (its form, over HTTP, in a child process): approves; returns the callback URL.</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorizeUrl, int userIndex)
    {
        if (_server is not null)
        {
            return _server.Emulator.Authorize(authorizeUrl, userIndex);
        }

        // The login page's form: the authorize parameters again, plus the user's choice.
        var form = authorizeUrl.Query.TrimStart('?') + "&user=" + userIndex.ToString(CultureInfo.InvariantCulture) + "&decision=approve";
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _browser!.PostAsync(new Uri(BaseAddress, "oauth2.0/authorize"), content);
        return response.Headers.Location ?? throw new InvalidOperationException($"The authorize form answered {(int)response.StatusCode} without a redirect.");
    }

    public async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_process is not null)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
