using System.Net;

namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>
/// <c>handler-alloc</c>: where a login's bytes go, step by step, for each handler. Bytes allocated by the whole
/// process (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise) around the challenge, QQ's authorize step (the
/// in-process emulator) and the callback, averaged over 2,000 logins after 1,000 not counted. Not a timing: it
/// splits the Allocated column of <see cref="HandlerLogin"/> by step.
/// </summary>
internal static class HandlerAllocationProbe
{
    private const int WarmUp = 1000;
    private const int Counted = 2000;

    public static async Task<int> RunAsync()
    {
        foreach (var kind in new[] { SiteHandler.GenericOAuth, SiteHandler.QqConnect })
        {
            var emulator = new QqConnect.Client.Testing.QqConnectEmulator();
            await using var site = await LoginSite.StartAsync(kind, loopback: false, new Uri("https://graph.qq.com/"), emulator.CreateHandler());
            var handler = site.CreateHandler();
            long challenge = 0, authorize = 0, callback = 0;
            for (var i = 0; i < WarmUp + Counted; i++)
            {
                var jar = new LightCookieJar { InnerHandler = handler };
                using var browser = new HttpClient(jar, disposeHandler: false) { BaseAddress = site.BaseAddress };
                var before = GC.GetTotalAllocatedBytes(precise: true);
                using var challenged = await browser.GetAsync(new Uri(site.BaseAddress, "/login?returnUrl=" + Uri.EscapeDataString(HandlerLogin.ReturnUrl20)));
                var challengedAt = GC.GetTotalAllocatedBytes(precise: true);
                var back = emulator.Authorize(challenged.Headers.Location!, userIndex: 0);
                var authorized = GC.GetTotalAllocatedBytes(precise: true);
                using var response = await browser.GetAsync(back);
                var done = GC.GetTotalAllocatedBytes(precise: true);
                if (response.StatusCode != HttpStatusCode.Redirect || !jar.Has(".AspNetCore.Cookies"))
                {
                    Console.Error.WriteLine($"{kind}: the callback answered {(int)response.StatusCode} without signing in.");
                    return 1;
                }

                if (i >= WarmUp)
                {
                    challenge += challengedAt - before;
                    authorize += authorized - challengedAt;
                    callback += done - authorized;
                }
            }

            Console.WriteLine($"| {kind} | {challenge / Counted:N0} | {authorize / Counted:N0} | {callback / Counted:N0} | {(challenge + authorize + callback) / Counted:N0} |");
        }

        return 0;
    }
}
