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

        var run = new LoadRun();

        async Task LoginOnceAsync(int worker)
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

            if (failure is null)
            {
                run.Succeeded(started);
            }
            else
            {
                run.Failed(failure);
            }
        }

        Console.WriteLine($"load --handler: {concurrency} concurrent browser logins for {seconds} s (after {warmupSeconds} s warm-up) to the site at {site.BaseAddress} (AddQqConnect()), QQ = {qq.Description} at {qq.BaseAddress}");
        await run.RunAsync(concurrency, seconds, warmupSeconds, LoginOnceAsync, qq);

        var total = run.Completed;
        Console.WriteLine();
        Console.WriteLine("| concurrency | seconds | logins | logins/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {concurrency} | {run.Elapsed.TotalSeconds:F1} | {total:N0} | {total / run.Elapsed.TotalSeconds:N0} | {run.Percentile(0.50):F2} | {run.Percentile(0.90):F2} | {run.Percentile(0.99):F2} | {run.Max():F2} | {run.Failures} |"));
        run.PrintDetails("site", "| second | logins | site GC heap (MiB, no forced GC) | site working set (MiB) |", "|---:|---:|---:|---:|");
        return run.ExitCode;
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
