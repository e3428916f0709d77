using System.Net;
using BenchmarkDotNet.Attributes;
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;

namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>
/// One full browser login through a TestServer site: challenge → authorize on the in-process emulator → callback
/// (code exchange, openid, user info) → ticket → sign-in cookie. <c>AddQqConnect()</c> against the generic
/// <c>AddOAuth()</c> set up for QQ as blog posts do; each login is a new browser (cookie jar) with a fresh code.
/// </summary>
[MemoryDiagnoser]
public class HandlerLogin
{
    /// <summary>A return URL of 20 characters: what the timed logins use.</summary>
    public const string ReturnUrl20 = "/account/profile?t=1";

    private static readonly Uri QqBaseAddress = new("https://graph.qq.com/");
    private readonly SiteUnderTest _ours = new(SiteHandler.QqConnect);
    private readonly SiteUnderTest _generic = new(SiteHandler.GenericOAuth);

    [GlobalSetup]
    public void Setup()
    {
        _ours.StartAsync().GetAwaiter().GetResult();
        _generic.StartAsync().GetAwaiter().GetResult();

        // Same result on both sides: the same user signed in with the same claims, except those only ours adds.
        var ours = _ours.ClaimsAfterLoginAsync().GetAwaiter().GetResult();
        var generic = _generic.ClaimsAfterLoginAsync().GetAwaiter().GetResult();
        foreach (var (type, value) in Comparable(generic))
        {
            if (!ours.Contains((MapToOurs(type), value)))
            {
                throw new InvalidOperationException($"AddQqConnect() lacks the claim {type}={value} that the generic handler makes.");
            }
        }

        if (Comparable(generic).Count < 10)
        {
            throw new InvalidOperationException("The generic handler made fewer claims than it maps: its login did not read the profile.");
        }

        foreach (var line in StateLengths.Describe(_ours, _generic).GetAwaiter().GetResult())
        {
            Console.WriteLine("// " + line);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _generic.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "AddOAuth() set up for QQ (blog style)")]
    public Task<HttpStatusCode> GenericOAuth() => _generic.LoginAsync(ReturnUrl20);

    [Benchmark(Description = "AddQqConnect()")]
    public Task<HttpStatusCode> QqConnect() => _ours.LoginAsync(ReturnUrl20);

    private static List<(string Type, string Value)> Comparable(IEnumerable<(string Type, string Value)> claims) => [.. claims];

    private static string MapToOurs(string type) => type switch
    {
        "urn:qq:figureurl" => QqConnectClaimTypes.Picture,
        "urn:qq:figureurl_1" => QqConnectClaimTypes.PictureMedium,
        "urn:qq:figureurl_2" => QqConnectClaimTypes.PictureFull,
        "urn:qq:figureurl_qq_1" => QqConnectClaimTypes.Avatar,
        "urn:qq:figureurl_qq_2" => QqConnectClaimTypes.AvatarFull,
        "urn:qq:province" => QqConnectClaimTypes.Province,
        "urn:qq:city" => QqConnectClaimTypes.City,
        "urn:qq:year" => QqConnectClaimTypes.Year,
        _ => type,
    };
}

/// <summary>A TestServer site and its in-process emulator; plays whole logins.</summary>
internal sealed class SiteUnderTest : IAsyncDisposable
{
    // The emulator remembers every code and token it issued: reset now and then, the same on both sides.
    private const int ResetEvery = 4096;
    private readonly SiteHandler _handler;
    private readonly Func<HttpMessageHandler, HttpMessageHandler>? _network;
    private QqConnectEmulator _emulator = null!;
    private LoginSite _site = null!;
    private HttpMessageHandler _siteHandler = null!;
    private int _logins;

    /// <param name="handler">The site's QQ handler.</param>
    /// <param name="network">Wraps the emulator's handler as the site's backchannel (a simulated network), or null.</param>
    public SiteUnderTest(SiteHandler handler, Func<HttpMessageHandler, HttpMessageHandler>? network = null)
    {
        _handler = handler;
        _network = network;
    }

    public async Task StartAsync()
    {
        _emulator = new QqConnectEmulator();
        var backchannel = _emulator.CreateHandler();
        _site = await LoginSite.StartAsync(_handler, loopback: false, new Uri("https://graph.qq.com/"), _network is null ? backchannel : _network(backchannel));
        _siteHandler = _site.CreateHandler();
    }

    /// <summary>Opens /login and returns the authorize URL the site sent the browser to.</summary>
    public async Task<Uri> ChallengeAsync(BrowserSession browser, string returnUrl)
    {
        using var challenge = await browser.GetAsync(new Uri(_site.BaseAddress, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is not { } authorize)
        {
            throw new InvalidOperationException($"The challenge answered {(int)challenge.StatusCode}.");
        }

        return authorize;
    }

    /// <summary>
    /// One login by a new, minimal browser (<see cref="LightCookieJar"/>); returns the callback's status, a redirect
    /// to the return URL that sets the sign-in cookie (checked).
    /// </summary>
    public async Task<HttpStatusCode> LoginAsync(string returnUrl)
    {
        if (++_logins % ResetEvery == 0)
        {
            _emulator.Reset();
        }

        var jar = new LightCookieJar { InnerHandler = _siteHandler };
        using var browser = new HttpClient(jar, disposeHandler: false) { BaseAddress = _site.BaseAddress };
        using var challenge = await browser.GetAsync(new Uri(_site.BaseAddress, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var callback = _emulator.Authorize(challenge.Headers.Location!, userIndex: 0);
        using var response = await browser.GetAsync(callback);
        if (response.StatusCode != HttpStatusCode.Redirect
            || !string.Equals(response.Headers.Location?.OriginalString, returnUrl, StringComparison.Ordinal)
            || !jar.Has(".AspNetCore.Cookies"))
        {
            throw new InvalidOperationException($"The callback answered {(int)response.StatusCode} to {response.Headers.Location} without signing in.");
        }

        return response.StatusCode;
    }

    public async Task<HashSet<(string Type, string Value)>> ClaimsAfterLoginAsync()
    {
        using var browser = NewBrowser();
        await LoginCoreAsync(browser, HandlerLogin.ReturnUrl20);
        using var me = await browser.GetAsync(new Uri(_site.BaseAddress, "/me"));
        var text = await me.Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('=', 2)).Select(parts => (parts[0], parts[1]))];
    }

    public HttpMessageHandler TestServerHandler() => _siteHandler;

    private BrowserSession NewBrowser() => new(_siteHandler, _site.BaseAddress);

    private async Task LoginCoreAsync(BrowserSession browser, string returnUrl)
    {
        if (++_logins % ResetEvery == 0)
        {
            _emulator.Reset();
        }

        var authorize = await ChallengeAsync(browser, returnUrl);
        var callback = _emulator.Authorize(authorize, userIndex: 0);
        using var response = await browser.GetAsync(callback);
        if (response.StatusCode != HttpStatusCode.Redirect
            || !string.Equals(response.Headers.Location?.OriginalString, returnUrl, StringComparison.Ordinal)
            || !browser.Cookies.GetCookies(_site.BaseAddress).Any(cookie => cookie.Name == ".AspNetCore.Cookies"))
        {
            throw new InvalidOperationException($"The callback answered {(int)response.StatusCode} to {response.Headers.Location} without signing in.");
        }
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();
}

/// <summary>What each handler sends to QQ as <c>state</c> (bytes as sent, percent-encoded), by return URL length.</summary>
internal static class StateLengths
{
    public static readonly string ReturnUrl200 = "/account/profile?tab=" + new string('x', 200 - "/account/profile?tab=".Length);

    public static async Task<List<string>> Describe(SiteUnderTest ours, SiteUnderTest generic)
    {
        var lines = new List<string>();
        foreach (var (name, site) in new[] { ("AddQqConnect()", ours), ("AddOAuth() (generic)", generic) })
        {
            foreach (var returnUrl in new[] { HandlerLogin.ReturnUrl20, ReturnUrl200 })
            {
                using var browser = new BrowserSession(siteHandler: site.TestServerHandler(), new Uri("https://localhost/"));
                var authorize = await site.ChallengeAsync(browser, returnUrl);
                var state = Query(authorize, "state");
                lines.Add($"state sent to QQ by {name} with a return URL of {returnUrl.Length} characters: {state.Length} bytes"
                    + (state.Length > 500 ? " (over QQ's 500-byte limit: QQ answers 100010)" : string.Empty)
                    + $"; authorize URL {authorize.AbsoluteUri.Length} bytes");
            }
        }

        return lines;
    }

    private static string Query(Uri url, string name)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return pair[(name.Length + 1)..];
            }
        }

        throw new InvalidOperationException($"The authorize URL has no {name}.");
    }
}
