using System.Diagnostics;
using System.Globalization;

namespace QqConnect.Client.Benchmarks;

/// <summary>
/// What the load runs measure the same way: N workers repeating one login until told to stop, a warm-up that is not
/// counted, then a latency histogram (200,000 buckets: of 10 µs by default, up to 2 s), the errors by kind, one
/// timeline row per second and memory samples (full GC first) at the start, middle and end of the run.
/// </summary>
/// <param name="bucketMicroseconds">The histogram's resolution; slower logins land in the last bucket.</param>
internal sealed class LoadRun(int bucketMicroseconds = 10)
{
    private const int Buckets = 200_000;

    private readonly long[] _histogram = new long[Buckets];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _completed;
    private long _failed;
    private bool _measuring;
    private bool _stop;

    public long Completed => Interlocked.Read(ref _completed);

    public long Failures => Interlocked.Read(ref _failed);

    public TimeSpan Elapsed { get; private set; }

    public List<MemorySample> Samples { get; } = [];

    public List<string> Timeline { get; } = [];

    /// <summary>
    /// Counts a login that began at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>), once
    /// warm-up is over; whether it was counted.
    /// </summary>
    public bool Succeeded(long startedTimestamp)
    {
        if (!Volatile.Read(ref _measuring))
        {
            return false;
        }

        var micros = (long)Stopwatch.GetElapsedTime(startedTimestamp).TotalMicroseconds;
        Interlocked.Increment(ref _histogram[Math.Min(Buckets - 1, micros / bucketMicroseconds)]);
        Interlocked.Increment(ref _completed);
        return true;
    }

    /// <summary>Counts a failed login by what went wrong, once warm-up is over.</summary>
    public void Failed(string what)
    {
        if (!Volatile.Read(ref _measuring))
        {
            return;
        }

        Interlocked.Increment(ref _failed);
        lock (_errors)
        {
            _errors[what] = _errors.GetValueOrDefault(what) + 1;
        }
    }

    /// <summary>
    /// Runs <paramref name="login"/> (given the worker's number) in <paramref name="concurrency"/> workers for the
    /// warm-up and then <paramref name="seconds"/> measured seconds. <paramref name="timelineColumns"/> adds the
    /// runner's own columns to each timeline row, after the logins of that second; <paramref name="measuringStarts"/>
    /// runs when warm-up ends.
    /// </summary>
    public async Task RunAsync(
        int concurrency, int seconds, int warmupSeconds, Func<int, Task> login, EmulatorHost qq, Func<string>? timelineColumns = null, Action? measuringStarts = null)
    {
        async Task WorkerAsync(int worker)
        {
            while (!Volatile.Read(ref _stop))
            {
                await login(worker);
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        measuringStarts?.Invoke();
        Samples.Add(MemorySample.Take("start", 0, qq));
        Volatile.Write(ref _measuring, true);
        var clock = Stopwatch.StartNew();
        var lastCompleted = 0L;
        for (var second = 1; second <= seconds; second++)
        {
            var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var done = Completed;
            var extra = timelineColumns is null ? "" : " " + timelineColumns() + " |";
            Timeline.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {second} | {done - lastCompleted:N0} |{extra} {GC.GetTotalMemory(false) / 1048576.0:F1} | {Environment.WorkingSet / 1048576.0:F1} |"));
            lastCompleted = done;
            if (second == seconds / 2 && seconds >= 2)
            {
                Samples.Add(MemorySample.Take("middle", second, qq));
            }
        }

        Samples.Add(MemorySample.Take("end", seconds, qq));
        Elapsed = clock.Elapsed;
        Volatile.Write(ref _measuring, false);
        Volatile.Write(ref _stop, true);
        await Task.WhenAll(workers);
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the logins finished, in milliseconds.</summary>
    public double Percentile(double fraction)
    {
        var target = (long)Math.Ceiling(Completed * fraction);
        var seen = 0L;
        for (var i = 0; i < _histogram.Length; i++)
        {
            seen += _histogram[i];
            if (seen >= target && target > 0)
            {
                return (i + 1) * bucketMicroseconds / 1000.0;
            }
        }

        return double.NaN;
    }

    /// <summary>The slowest login, in milliseconds (to the bucket).</summary>
    public double Max()
    {
        for (var i = _histogram.Length - 1; i >= 0; i--)
        {
            if (_histogram[i] > 0)
            {
                return (i + 1) * bucketMicroseconds / 1000.0;
            }
        }

        return double.NaN;
    }

    /// <summary>The memory and timeline tables (the runner prints its summary table first), then the errors by kind.</summary>
    public void PrintDetails(string who, string timelineHeader, string timelineAlignment)
    {
        Console.WriteLine();
        Console.WriteLine($"| when | s | {who} GC heap after full GC (MiB) | {who} working set (MiB) | gen0/1/2 GCs | emulator working set (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var sample in Samples)
        {
            Console.WriteLine(sample.Row());
        }

        Console.WriteLine();
        Console.WriteLine(timelineHeader);
        Console.WriteLine(timelineAlignment);
        foreach (var row in Timeline)
        {
            Console.WriteLine(row);
        }

        if (_errors.Count > 0)
        {
            Console.WriteLine();
            foreach (var (what, count) in _errors)
            {
                Console.WriteLine($"error {what}: {count}");
            }
        }
    }

    /// <summary>0 when logins completed and none failed; 1 fails the CI smoke run.</summary>
    public int ExitCode => Completed > 0 && Failures == 0 ? 0 : 1;

    internal sealed record MemorySample(string When, int Second, long LiveHeap, long WorkingSet, int Gen0, int Gen1, int Gen2, long? EmulatorWorkingSet)
    {
        public static MemorySample Take(string when, int second, EmulatorHost server)
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            return new(when, second, live, Environment.WorkingSet, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), server.WorkingSet);
        }

        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {When} | {Second} | {LiveHeap / 1048576.0:F1} | {WorkingSet / 1048576.0:F1} | {Gen0}/{Gen1}/{Gen2} | {(EmulatorWorkingSet is { } ws ? (ws / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "(same process)")} |");
    }
}
