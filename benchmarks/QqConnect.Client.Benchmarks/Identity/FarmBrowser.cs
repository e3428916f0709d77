using System.Net;
using System.Text.RegularExpressions;
using QqConnect.Client.Benchmarks.Handler;

namespace QqConnect.Client.Benchmarks.Identity;

/// <summary>
/// Browsers behind a round-robin balancer without sticky sessions: every request of every browser goes to the next
/// node, under the farm's one public host (the Host header; the first node's address, which QQ sends the browser
/// back to). One QQ登录 is a new browser (<see cref="LightCookieJar"/>): GET /qq/login → QQ's authorize step (the
/// in-process emulator) → GET the callback → GET /qq/callback → for a QQ user without an account, the bind page and
/// its "create a new account" form → GET /account, which must show the user.
/// </summary>
internal sealed partial class FarmBrowser(IReadOnlyList<FarmNode> nodes, EmulatorHost qq, HttpMessageHandler connections)
{
    private readonly string _publicHost = nodes[0].BaseAddress.Authority;
    private int _next;

    /// <summary>The user name the load run gives the account of QQ user <paramref name="userIndex"/>.</summary>
    public static string UserName(int userIndex) => "load-user-" + userIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One login of QQ user <paramref name="userIndex"/>: its first (it creates the account) or a returning one (signed
    /// in straight away). <see langword="null"/> when the browser ended signed in as that user, else what went wrong.
    /// </summary>
    public async Task<string?> LoginAsync(int userIndex, bool firstLogin)
    {
        var jar = new LightCookieJar { InnerHandler = connections };
        using var browser = new HttpClient(jar, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

        using var challenge = await SendAsync(browser, HttpMethod.Get, "/qq/login");
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is not { IsAbsoluteUri: true } authorize)
        {
            return Unexpected("/qq/login", challenge);
        }

        var callback = await qq.AuthorizeAsync(authorize, userIndex);
        using (var back = await SendAsync(browser, HttpMethod.Get, callback.PathAndQuery))
        {
            if (!IsRedirectTo(back, "/qq/callback"))
            {
                return Unexpected("/signin-qq", back);
            }
        }

        using (var landed = await SendAsync(browser, HttpMethod.Get, "/qq/callback"))
        {
            if (!IsRedirectTo(landed, firstLogin ? "/qq/bind" : "/account"))
            {
                return Unexpected("/qq/callback", landed);
            }
        }

        if (firstLogin && await CreateAccountAsync(browser, userIndex) is { } failure)
        {
            return failure;
        }

        using var account = await SendAsync(browser, HttpMethod.Get, "/account");
        if (account.StatusCode != HttpStatusCode.OK)
        {
            return Unexpected("/account", account);
        }

        var html = await account.Content.ReadAsStringAsync();
        return html.Contains($"id=\"user-name\">{UserName(userIndex)}<", StringComparison.Ordinal) ? null : "/account: another user";
    }

    /// <summary>The bind page's "create a new account" form, with the load run's user name.</summary>
    private async Task<string?> CreateAccountAsync(HttpClient browser, int userIndex)
    {
        string html;
        using (var page = await SendAsync(browser, HttpMethod.Get, "/qq/bind"))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return Unexpected("/qq/bind", page);
            }

            html = await page.Content.ReadAsStringAsync();
        }

        var form = CreateAccountForm().Match(html);
        if (!form.Success)
        {
            return "/qq/bind: no create-account form";
        }

        using var fields = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebUtility.HtmlDecode(form.Groups["token"].Value)),
            new("userName", UserName(userIndex)),
        ]);
        using var created = await SendAsync(browser, HttpMethod.Post, WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
        return IsRedirectTo(created, "/account") ? null : Unexpected("POST /qq/bind/create", created);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        var node = nodes[(int)((uint)Interlocked.Increment(ref _next) % (uint)nodes.Count)];
        using var request = new HttpRequestMessage(method, new Uri(node.BaseAddress, pathAndQuery)) { Content = content };
        request.Headers.Host = _publicHost;
        return await browser.SendAsync(request);
    }

    private static bool IsRedirectTo(HttpResponseMessage response, string location) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == location;

    /// <summary>The step and its status; for a redirect, where to (an absolute one without its query, which may carry a code).</summary>
    private static string Unexpected(string step, HttpResponseMessage response) =>
        $"{step}: HTTP {(int)response.StatusCode}" + response.Headers.Location switch
        {
            null => "",
            { IsAbsoluteUri: true } absolute => " → " + absolute.GetLeftPart(UriPartial.Path),
            var relative => " → " + relative.OriginalString,
        };

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\" id=\"create-account\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]*)\">")]
    private static partial Regex CreateAccountForm();
}
