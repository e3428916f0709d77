using System.Diagnostics;
using System.Globalization;

namespace QqConnect.Client.Benchmarks.Identity;

/// <summary>
/// Where the machine's CPU went during the run: each node, the PostgreSQL server (its postmaster
/// <paramref name="postmaster"/> and the processes it started, alive at the end), this process (the browsers and the
/// emulator), and the whole machine from /proc/stat (other jobs included), as CPU seconds between
/// <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal sealed class CpuUse(IReadOnlyList<FarmNode> nodes, int? postmaster)
{
    private Snapshot? _start;
    private Snapshot? _end;
    private long _startTimestamp;
    private TimeSpan _elapsed;

    public void Start()
    {
        _start = Take();
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public void Stop()
    {
        _end = Take();
        _elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
    }

    public void Print()
    {
        if (_start is null || _end is null)
        {
            return;
        }

        var seconds = _elapsed.TotalSeconds;
        string Row(string who, double cpuSeconds) =>
            string.Create(CultureInfo.InvariantCulture, $"| {who} | {cpuSeconds:F1} | {cpuSeconds / seconds:F2} |");

        Console.WriteLine();
        Console.WriteLine($"| CPU over {seconds.ToString("F1", CultureInfo.InvariantCulture)} s | CPU s | cores busy (of {Environment.ProcessorCount}) |");
        Console.WriteLine("|---|---:|---:|");
        for (var i = 0; i < nodes.Count; i++)
        {
            Console.WriteLine(Row($"node {i + 1}", _end.Nodes[i] - _start.Nodes[i]));
        }

        var postgres = _end.Postgres.Sum(pair => pair.Value - _start.Postgres.GetValueOrDefault(pair.Key));
        if (_end.Postgres.Count > 0)
        {
            Console.WriteLine(Row("PostgreSQL (postgres processes)", postgres));
        }

        Console.WriteLine(Row("runner (browsers + emulator)", _end.Self - _start.Self));
        if (_start.MachineTotal is { } total0 && _end.MachineTotal is { } total1 && total1 > total0)
        {
            var busy = (double)(_end.MachineBusy!.Value - _start.MachineBusy!.Value) / (total1 - total0);
            Console.WriteLine(Row("whole machine (/proc/stat, other jobs included)", busy * Environment.ProcessorCount * seconds));
        }
    }

    private Snapshot Take()
    {
        var postgres = new Dictionary<int, double>();
        foreach (var pid in postmaster is { } server ? ServerProcesses(server) : [])
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                postgres[pid] = process.TotalProcessorTime.TotalSeconds;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }

        var (busy, total) = MachineTicks();
        using var self = Process.GetCurrentProcess();
        return new Snapshot([.. nodes.Select(node => node.CpuSeconds ?? 0)], postgres, self.TotalProcessorTime.TotalSeconds, busy, total);
    }

    /// <summary>The postmaster and its children (the 4th field of /proc/PID/stat, after the command in parentheses).</summary>
    private static IEnumerable<int> ServerProcesses(int postmaster)
    {
        yield return postmaster;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // ended meanwhile
            }

            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The first line of /proc/stat: every CPU's ticks by kind; busy is all but idle and iowait.</summary>
    private static (long? Busy, long? Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (null, null);
        }

        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    private sealed record Snapshot(double[] Nodes, Dictionary<int, double> Postgres, double Self, long? MachineBusy, long? MachineTotal);
}
