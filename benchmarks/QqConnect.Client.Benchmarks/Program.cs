using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using QqConnect.Client.Benchmarks;

// dotnet run -c Release --project benchmarks/QqConnect.Client.Benchmarks -- [BenchmarkDotNet arguments]
//   e.g. --filter '*' --job short          every benchmark, a short real run
// ... -- --ci                              every benchmark once (Dry job, in-process) + 2-second load smoke runs; exit 1 on failure
// ... -- load --concurrency 16 --seconds 30   the load run (the SDK's three calls)
// ... -- load --handler --concurrency 16 --seconds 30   browser logins to an AddQqConnect() site
// ... -- load --identity --nodes 2 --database postgresql   QQ登录 with account binding on a farm of the built demo site
// ... -- handler-alloc                     bytes per login step (challenge, authorize, callback) for each handler
if (args.Length > 0 && args[0] == "load")
{
    return await LoadRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "handler-alloc")
{
    Console.WriteLine("| handler | challenge (B) | QQ authorize step (B) | callback (B) | login (B) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    return await QqConnect.Client.Benchmarks.Handler.HandlerAllocationProbe.RunAsync();
}

if (args.Length > 0 && args[0] == "emulator-server")
{
    return await EmulatorHost.ServeAsync();
}

var ci = args.Contains("--ci");
if (ci)
{
    var rest = args.Where(a => a != "--ci").ToList();
    if (!rest.Contains("--filter"))
    {
        rest.AddRange(["--filter", "*"]);
    }

    if (!rest.Contains("--job") && !rest.Contains("-j"))
    {
        rest.AddRange(["--job", "Dry"]);
    }

    // In-process: no second build of a generated project (which alone takes ~1.5 minutes here).
    if (!rest.Contains("--inProcess") && !rest.Contains("-i"))
    {
        rest.Add("--inProcess");
    }

    args = [.. rest];
}

// Median next to Mean: this machine is shared, and the median shrugs off the iterations another job disturbed.
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableLogFile).AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(LoadRunner).Assembly).Run(args, config).ToList();
var failures = Failures(summaries);
foreach (var failure in failures)
{
    Console.Error.WriteLine("FAILED: " + failure);
}

if (summaries.Count == 0 || failures.Count > 0)
{
    Console.Error.WriteLine(summaries.Count == 0 ? "No benchmark ran (check --filter)." : $"{failures.Count} benchmark(s) failed.");
    return 1;
}

if (ci)
{
    Console.WriteLine("CI: load smoke run");
    var client = await LoadRunner.RunAsync(["--concurrency", "4", "--seconds", "2", "--warmup-seconds", "1"]);
    Console.WriteLine("CI: handler load smoke run");
    var handler = await LoadRunner.RunAsync(["--handler", "--concurrency", "4", "--seconds", "2", "--warmup-seconds", "1"]);
    return client != 0 ? client : handler;
}

return 0;

static List<string> Failures(List<Summary> summaries)
{
    var failures = new List<string>();
    foreach (var summary in summaries)
    {
        if (summary.HasCriticalValidationErrors)
        {
            failures.AddRange(summary.ValidationErrors.Select(e => e.Message));
        }

        foreach (var benchmark in summary.BenchmarksCases)
        {
            var report = summary[benchmark];
            if (report is null || !report.Success || report.ResultStatistics is null)
            {
                failures.Add(benchmark.DisplayInfo);
            }
        }
    }

    return failures;
}
