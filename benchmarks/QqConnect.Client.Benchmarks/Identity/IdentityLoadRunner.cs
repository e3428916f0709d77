using System.Diagnostics;
using System.Globalization;
using QqConnect.Client.Testing;

namespace QqConnect.Client.Benchmarks.Identity;

/// <summary>
/// <c>load --identity [--nodes 1] [--database sqlite|postgresql] [--concurrency 16] [--seconds 30] [--warmup-seconds 3]
/// [--users 4000] [--first-every 4]</c>: QQ登录 with account binding on a farm of the built demo site
/// (samples/QqConnect.Sample.Identity), N <c>dotnet</c> processes sharing one database, behind a round-robin balancer
/// without sticky sessions (<see cref="FarmBrowser"/>). QQ is the emulator server in this process, with the UnionID app
/// and <c>--users</c> fake users. Each browser has its own users: every <c>--first-every</c>-th of its logins is a QQ
/// user's first (the account is created on the bind page), the others are returning logins of users it created.
/// Reports logins/s, latency of the whole login, errors, each node's memory over the run and where the CPU went.
/// </summary>
internal static class IdentityLoadRunner
{
    private const string Usage = "load --identity [--nodes 1] [--database sqlite|postgresql] [--concurrency 16] [--seconds 30] [--warmup-seconds 3] [--users 4000] [--first-every 4]";

    public static async Task<int> RunAsync(string[] args)
    {
        var nodeCount = 1;
        var database = "sqlite";
        var concurrency = 16;
        var seconds = 30;
        var warmupSeconds = 3;
        var users = 4000;
        var firstEvery = 4;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--nodes" when i + 1 < args.Length: nodeCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--database" when i + 1 < args.Length: database = args[++i].ToLowerInvariant(); break;
                case "--concurrency" when i + 1 < args.Length: concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds" when i + 1 < args.Length: warmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--users" when i + 1 < args.Length: users = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--first-every" when i + 1 < args.Length: firstEvery = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (nodeCount < 1 || concurrency < 1 || seconds < 1 || warmupSeconds < 0 || users < concurrency || firstEvery < 1 || database is not ("sqlite" or "postgresql"))
        {
            Console.Error.WriteLine(Usage + "\n(--nodes, --concurrency, --seconds, --first-every at least 1; --users at least --concurrency.)");
            return 2;
        }

        if (FarmNode.FindBuiltSite() is not { } site)
        {
            Console.Error.WriteLine("The demo site is not built: dotnet build samples/QqConnect.Sample.Identity -c Release");
            return 2;
        }

        var loadBefore = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var options = new QqConnectEmulatorOptions();
        options.Users.Clear();
        for (var i = 0; i < users; i++)
        {
            options.Users.Add(new EmulatorUser($"load-{i}", $"压测用户{i}"));
        }

        await using var qq = await EmulatorHost.StartInProcessAsync(options);
        using var db = FarmDatabase.Create(database);
        var settings = new Dictionary<string, string>(db.Settings)
        {
            ["QqConnect__AppId"] = QqConnectEmulatorOptions.UnionIdAppId,
            ["QqConnect__AppKey"] = QqConnectEmulatorOptions.UnionIdAppKey,
            ["QqConnect__BaseAddress"] = qq.BaseAddress.AbsoluteUri,
            ["QqConnect__RequestUnionId"] = "true",
        };

        // One after the other: the first node creates the tables and the key ring, the others find them.
        var nodes = new List<FarmNode>();
        try
        {
            for (var i = 0; i < nodeCount; i++)
            {
                nodes.Add(await FarmNode.StartAsync(site, settings));
            }

            return await RunAsync(nodes, db, qq, concurrency, seconds, warmupSeconds, users, firstEvery, loadBefore);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunAsync(
        List<FarmNode> nodes, FarmDatabase db, EmulatorHost qq, int concurrency, int seconds, int warmupSeconds, int users, int firstEvery, string loadBefore)
    {
        using var connections = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var farm = new FarmBrowser(nodes, qq, connections);
        var browsers = Enumerable.Range(0, concurrency).Select(worker => new BrowserUsers(worker, concurrency, users, firstEvery)).ToArray();
        // 100 µs buckets, up to 20 s: a login here is seven requests and several database writes, not a few milliseconds.
        var run = new LoadRun(bucketMicroseconds: 100);
        var firstLogins = 0L;

        async Task LoginOnceAsync(int worker)
        {
            var started = Stopwatch.GetTimestamp();
            var (userIndex, first) = (0, false);
            string? failure;
            try
            {
                (userIndex, first) = browsers[worker].Next();
                failure = await farm.LoginAsync(userIndex, first);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or QqConnectEmulatorException)
            {
                failure = ex.GetType().Name;
            }

            if (failure is not null)
            {
                run.Failed(failure);
                return;
            }

            browsers[worker].Done(userIndex, first);
            if (run.Succeeded(started) && first)
            {
                Interlocked.Increment(ref firstLogins);
            }
        }

        // Each node's working set: at the start, then after every second of the run.
        var memory = new List<(string When, int Second, long?[] WorkingSets)>();
        var cpu = new CpuUse(nodes, db.Postmaster);
        var second = 0;
        string NodeColumns()
        {
            var sets = nodes.Select(node => node.WorkingSet).ToArray();
            second++;
            if (second == seconds)
            {
                cpu.Stop();
            }

            if (second == seconds || (second == seconds / 2 && seconds >= 2))
            {
                memory.Add((second == seconds ? "end" : "middle", second, sets));
            }

            return string.Join(" | ", sets.Select(Mib));
        }

        Console.WriteLine($"load --identity: {concurrency} browsers for {seconds} s (after {warmupSeconds} s warm-up), {nodes.Count} node(s) of the demo site (pids {string.Join(", ", nodes.Select(n => n.ProcessId))}) on {db.Description}");
        Console.WriteLine($"  nodes {string.Join(", ", nodes.Select(n => n.BaseAddress.AbsoluteUri))}; QQ = {qq.Description} at {qq.BaseAddress} ({users} users, UnionID app); one login in {firstEvery} per browser is a first login");
        Console.WriteLine($"  load average before: {loadBefore}");
        await run.RunAsync(
            concurrency,
            seconds,
            warmupSeconds,
            LoginOnceAsync,
            qq,
            timelineColumns: NodeColumns,
            measuringStarts: () =>
            {
                memory.Add(("start", 0, nodes.Select(node => node.WorkingSet).ToArray()));
                cpu.Start();
            });

        var total = run.Completed;
        Console.WriteLine();
        Console.WriteLine("| nodes | database | browsers | seconds | logins | first logins (account created) | returning logins | logins/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {nodes.Count} | {db.Kind} | {concurrency} | {run.Elapsed.TotalSeconds:F1} | {total:N0} | {firstLogins:N0} | {total - firstLogins:N0} | {total / run.Elapsed.TotalSeconds:N1} | {run.Percentile(0.50):F2} | {run.Percentile(0.90):F2} | {run.Percentile(0.99):F2} | {run.Max():F2} | {run.Failures} |"));

        var nodeHeaders = string.Concat(Enumerable.Range(1, nodes.Count).Select(n => $" node {n} working set (MiB) |"));
        var nodeAlignment = string.Concat(Enumerable.Repeat("---:|", nodes.Count));
        Console.WriteLine();
        Console.WriteLine("| when | s |" + nodeHeaders);
        Console.WriteLine("|---|---:|" + nodeAlignment);
        foreach (var (when, at, sets) in memory)
        {
            Console.WriteLine($"| {when} | {at} | {string.Join(" | ", sets.Select(Mib))} |");
        }

        cpu.Print();

        // The runner's own tables: the browsers and the emulator (its token store grows by design) share this process.
        run.PrintDetails("runner", "| second | logins |" + nodeHeaders + " runner GC heap (MiB, no forced GC) | runner working set (MiB) |", "|---:|---:|" + nodeAlignment + "---:|---:|");
        if (run.Failures > 0)
        {
            foreach (var node in nodes)
            {
                Console.WriteLine($"\nlast lines of node {node.BaseAddress}:\n{node.Tail}");
            }
        }

        return run.ExitCode;
    }

    private static string Mib(long? bytes) => bytes is { } value ? (value / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "(exited)";

    /// <summary>
    /// The QQ users of one browser (every <c>concurrency</c>-th, from its own number: no two browsers log in as the
    /// same QQ user at once) and which of them have an account. Used by that browser's worker only.
    /// </summary>
    private sealed class BrowserUsers(int worker, int concurrency, int users, int firstEvery)
    {
        private readonly List<int> _bound = [];
        private int _nextNew = worker;
        private int _logins;
        private int _returning;

        /// <summary>The next login: a user never logged in (every <c>firstEvery</c>-th, or while none is bound yet), else a bound one, in turn.</summary>
        public (int UserIndex, bool First) Next()
        {
            var wantsFirst = _bound.Count == 0 || _logins++ % firstEvery == 0;
            if (wantsFirst && _nextNew < users)
            {
                var user = _nextNew;
                _nextNew += concurrency;
                return (user, true);
            }

            return _bound.Count == 0 ? throw new InvalidOperationException("No QQ user left for this browser.") : (_bound[_returning++ % _bound.Count], false);
        }

        public void Done(int userIndex, bool first)
        {
            if (first)
            {
                _bound.Add(userIndex);
            }
        }
    }
}
