using System.Net;
using System.Web;

namespace QqConnect.BrowserTests;

/// <summary>
/// The sample's login over plain HTTP (no browser): a non-ASCII return URL used to come back raw from the state,
/// and Results.LocalRedirect then failed with "Invalid non-ASCII or control character in header" — a 500 after
/// the code was spent.
/// </summary>
public sealed class SampleReturnUrlTests
{
    [Theory]
    [InlineData("/订单/42", "/%E8%AE%A2%E5%8D%95/42")]
    [InlineData("/café", "/caf%C3%A9")]
    public async Task Login_NonAsciiReturnUrl_EndsWithARedirectToTheEncodedPath(string returnUrl, string expectedLocation)
    {
        await using var sample = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(45));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);

        using var login = await http.GetAsync(new Uri(sample.BaseAddress, "login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = login.Headers.Location!;
        var query = HttpUtility.ParseQueryString(authorize.Query);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = query["response_type"]!,
            ["client_id"] = query["client_id"]!,
            ["redirect_uri"] = query["redirect_uri"]!,
            ["state"] = query["state"]!,
            ["user"] = "0",
            ["decision"] = "approve",
        });
        using var decision = await http.PostAsync(new Uri(authorize, "/oauth2.0/authorize"), form);
        Assert.Equal(HttpStatusCode.Found, decision.StatusCode);

        using var callback = await http.GetAsync(decision.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(expectedLocation, callback.Headers.Location!.OriginalString);
    }
}

/// <summary>Cancel on QQ's mobile page comes back as <c>usercancel=1&amp;state=…</c>: the sample shows a page, not an error.</summary>
public sealed class SampleCancelTests
{
    [Fact]
    public async Task Callback_MobileCancel_ShowsTheCancelledPage()
    {
        await using var sample = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(45));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        using var login = await http.GetAsync(new Uri(sample.BaseAddress, "login"));
        var state = HttpUtility.ParseQueryString(login.Headers.Location!.Query)["state"]!;

        using var callback = await http.GetAsync(new Uri(sample.BaseAddress, "signin-qq?usercancel=1&state=" + Uri.EscapeDataString(state)));
        var html = await callback.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("id=\"cancelled\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/login\"", html, StringComparison.Ordinal);
    }
}
