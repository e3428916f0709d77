using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore;

namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>
/// <c>load --handler --concurrency N --seconds T [--warmup-seconds W]</c>: N simulated browsers sign in to a site
/// (Kestrel on loopback, <c>AddQqConnect()</c>, its client on its default pooled handler) against the emulator
/// server in a child process. Each login is a new browser (cookie jar): GET /login → POST the emulator's authorize
/// form → GET the callback (code exchange, openid, user info, ticket, cookie). Reports logins/s, latency
/// percentiles of the whole login, errors, and the site's memory over the run.
/// </summary>
internal static class HandlerLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = 16;
        var seconds = 30;
        var warmupSeconds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--concurrency" when i + 1 < args.Length: concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds" when i + 1 < args.Length: warmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("load --handler [--concurrency 16] [--seconds 30] [--warmup-seconds 3]");
                    return 2;
            }
        }

        if (concurrency < 1 || seconds < 1 || warmupSeconds < 0)
        {
            Console.Error.WriteLine("--concurrency and --seconds must be at least 1.");
            return 2;
        }

        await using var qq = await EmulatorHost.StartChildAsync();
        await using var site = await LoginSite.StartAsync(SiteHandler.QqConnect, loopback: true, qq.BaseAddress, backchannel: null, PlainHttp);
        using var browsers = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

        var histogram = new long[LoadRunner.Buckets];
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        long completed = 0, failed = 0;
        var measuring = false;
        var stop = false;

        async Task WorkerAsync(int worker)
        {
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await LoginAsync(site, qq, browsers, worker % 3);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    failure = ex.GetType().Name;
                }

                if (!Volatile.Read(ref measuring))
                {
                    continue;
                }

                if (failure is not null)
                {
                    Interlocked.Increment(ref failed);
                    lock (errors)
                    {
                        errors[failure] = errors.GetValueOrDefault(failure) + 1;
                    }

                    continue;
                }

                var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                Interlocked.Increment(ref histogram[Math.Min(LoadRunner.Buckets - 1, micros / LoadRunner.BucketMicroseconds)]);
                Interlocked.Increment(ref completed);
            }
        }

        Console.WriteLine($"load --handler: {concurrency} concurrent browser logins for {seconds} s (after {warmupSeconds} s warm-up) to the site at {site.BaseAddress} (AddQqConnect()), QQ = {qq.Description} at {qq.BaseAddress}");
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        var samples = new List<LoadRunner.MemorySample> { LoadRunner.MemorySample.Take("start", 0, qq) };
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        var timeline = new List<string>();
        var lastCompleted = 0L;
        for (var second = 1; second <= seconds; second++)
        {
            var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var done = Interlocked.Read(ref completed);
            timeline.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {second} | {done - lastCompleted:N0} | {GC.GetTotalMemory(false) / 1048576.0:F1} | {Environment.WorkingSet / 1048576.0:F1} |"));
            lastCompleted = done;
            if (second == seconds / 2 && seconds >= 2)
            {
                samples.Add(LoadRunner.MemorySample.Take("middle", second, qq));
            }
        }

        samples.Add(LoadRunner.MemorySample.Take("end", seconds, qq));
        var elapsed = clock.Elapsed;
        Volatile.Write(ref measuring, false);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var total = Interlocked.Read(ref completed);
        Console.WriteLine();
        Console.WriteLine("| concurrency | seconds | logins | logins/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {concurrency} | {elapsed.TotalSeconds:F1} | {total:N0} | {total / elapsed.TotalSeconds:N0} | {LoadRunner.Percentile(histogram, total, 0.50):F2} | {LoadRunner.Percentile(histogram, total, 0.90):F2} | {LoadRunner.Percentile(histogram, total, 0.99):F2} | {LoadRunner.Max(histogram):F2} | {Interlocked.Read(ref failed)} |"));
        Console.WriteLine();
        Console.WriteLine("| when | s | site GC heap after full GC (MiB) | site working set (MiB) | gen0/1/2 GCs | emulator working set (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var sample in samples)
        {
            Console.WriteLine(sample.Row());
        }

        Console.WriteLine();
        Console.WriteLine("| second | logins | site GC heap (MiB, no forced GC) | site working set (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var row in timeline)
        {
            Console.WriteLine(row);
        }

        foreach (var (what, count) in errors)
        {
            Console.WriteLine($"error {what}: {count}");
        }

        return total > 0 && Interlocked.Read(ref failed) == 0 ? 0 : 1;
    }

    /// <summary>The site is plain HTTP on loopback: its cookies may not require HTTPS.</summary>
    private static void PlainHttp(QqConnectAuthenticationOptions options)
    {
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>One login by a new browser; <see langword="null"/> when it ended signed in, else what went wrong.</summary>
    private static async Task<string?> LoginAsync(LoginSite site, EmulatorHost qq, HttpMessageHandler connections, int userIndex)
    {
        using var browser = new BrowserSession(connections, site.BaseAddress);
        using var challenge = await browser.GetAsync(new Uri(site.BaseAddress, "/login?returnUrl=%2Fme"));
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is not { } authorize)
        {
            return $"challenge: HTTP {(int)challenge.StatusCode}";
        }

        var callback = await qq.AuthorizeAsync(authorize, userIndex);
        using var response = await browser.GetAsync(callback);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/me")
        {
            return $"callback: HTTP {(int)response.StatusCode}";
        }

        return browser.Cookies.GetCookies(site.BaseAddress).Any(cookie => cookie.Name == ".AspNetCore.Cookies") ? null : "callback: no sign-in cookie";
    }
}
