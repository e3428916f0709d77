using System.Net;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

public sealed class AuthorizeTests
{
    private static readonly string ValidQuery =
        "oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect) + "&state=s%3C1%3E";

    [Fact]
    public async Task AuthorizePage_ListsFakeUsersWithStableSelectorsAndSaysItIsAnEmulator()
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri(ValidQuery, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("Emulator", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-0\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-2\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"deny\"", html, StringComparison.Ordinal);
        Assert.Contains("小明", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizePage_HtmlEncodesTheEchoedState()
    {
        using var h = new Harness();
        var html = await h.GetAsync(ValidQuery);

        Assert.Contains("name=\"state\" value=\"s&lt;1&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("s<1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeApprove_Redirects302WithCodeAndStateEchoedUrlEncoded()
    {
        using var h = new Harness();
        const string state = "a b&c=d/é+";
        using var response = await PostDecisionAsync(h, state, "approve", user: 1);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.GetValues("Location").Single();
        Assert.Matches("^http://localhost:5000/signin-qq\\?code=[0-9A-F]{32}&state=a%20b%26c%3Dd%2F%C3%A9%2B$", location);
        Assert.Equal(state, Harness.QueryOf(new Uri(location))["state"]);
    }

    [Fact]
    public async Task AuthorizeApprove_CodeIsForTheChosenUser()
    {
        using var h = new Harness();
        using var response = await PostDecisionAsync(h, "s", "approve", user: 2);
        var code = Harness.QueryOf(response.Headers.Location!)["code"]!;
        var (accessToken, _) = Harness.ParseTokens(await h.GetAsync(Harness.TokenQuery(code)));

        var me = await h.GetAsync("oauth2.0/me?fmt=json&access_token=" + accessToken);

        Assert.Equal("{\"client_id\":\"100000001\",\"openid\":\"" + h.Emulator.GetOpenId(Harness.App, 2) + "\"}", me);
    }

    [Fact]
    public async Task AuthorizeDeny_RedirectsWithErrorAndErrorDescriptionAndState()
    {
        using var h = new Harness();
        using var response = await PostDecisionAsync(h, "st", "deny");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(
            "http://localhost:5000/signin-qq?error=100030&error_description=user+denied+the+authorization&state=st",
            response.Headers.GetValues("Location").Single());
    }

    [Fact]
    public async Task AuthorizeDeny_OnTheMobilePage_RedirectsWithExactlyUserCancelAndState()
    {
        using var h = new Harness();
        using var response = await PostDecisionAsync(h, "st", "deny", display: "mobile");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://localhost:5000/signin-qq?usercancel=1&state=st", response.Headers.GetValues("Location").Single());
    }

    [Fact]
    public async Task AuthorizeDeny_OnTheMobilePageWithLegacyOption_StillSendsUserCancel()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { UseLegacyCallbackErrors = true });
        using var response = await PostDecisionAsync(h, "st", "deny", display: "mobile");

        Assert.Equal("http://localhost:5000/signin-qq?usercancel=1&state=st", response.Headers.GetValues("Location").Single());
    }

    [Fact]
    public async Task AuthorizePage_Mobile_KeepsDisplayInTheFormSoCancelKnowsThePage()
    {
        using var h = new Harness();
        var html = await h.GetAsync(ValidQuery + "&display=mobile");

        Assert.Contains("name=\"display\" value=\"mobile\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"deny\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeApprove_OnTheMobilePage_RedirectsWithCode()
    {
        using var h = new Harness();
        using var response = await PostDecisionAsync(h, "st", "approve", display: "mobile");

        Assert.Matches("^http://localhost:5000/signin-qq\\?code=[0-9A-F]{32}&state=st$", response.Headers.GetValues("Location").Single());
    }

    [Fact]
    public async Task AuthorizeDeny_WithLegacyOption_RedirectsWithCodeAndMsg()
    {
        var options = new QqConnectEmulatorOptions { UseLegacyCallbackErrors = true };
        using var h = new Harness(options);
        using var response = await PostDecisionAsync(h, "st", "deny");

        Assert.Equal(
            "http://localhost:5000/signin-qq?code=100030&msg=user+denied+the+authorization&state=st",
            response.Headers.GetValues("Location").Single());
    }

    [Theory]
    [InlineData("response_type=code&client_id=999&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s", 100008)]
    [InlineData("response_type=code&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s", 100001)]
    [InlineData("client_id=100000001&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s", 100000)]
    [InlineData("response_type=bogus&client_id=100000001&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s", 100000)]
    [InlineData("response_type=code&client_id=100000001&redirect_uri=http%3A%2F%2Fevil.example%2Fcb&state=s", 100010)]
    [InlineData("response_type=code&client_id=100000001&redirect_uri=http%3A%2F%2Flocalhost.evil.example%2Fcb&state=s", 100010)]
    [InlineData("response_type=code&client_id=100000001&redirect_uri=%2Fcb&state=s", 100010)]
    [InlineData("response_type=code&client_id=100000001&state=s", 100010)]
    [InlineData("response_type=code&client_id=100000001&redirect_uri=http%3A%2F%2Flocalhost%2Fcb", 100029)]
    public async Task AuthorizePage_InvalidRequest_ShowsErrorPageWithQqCodeAndNoRedirect(string query, int code)
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri("oauth2.0/authorize?" + query, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("<span id=\"error-code\" data-testid=\"error-code\">" + code + "</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approve\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizePost_TamperedRedirectUri_ShowsErrorPageInsteadOfRedirecting()
    {
        using var h = new Harness();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = Harness.App,
            ["redirect_uri"] = "https://evil.example/steal",
            ["state"] = "s",
            ["user"] = "0",
            ["decision"] = "approve",
        });
        using var response = await h.Http.PostAsync(new Uri("oauth2.0/authorize", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(">100010<", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizeHelper_Approve_ReturnsCallbackWithCodeAndState()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(state: "abc"), userIndex: 1);

        Assert.Matches("^http://localhost:5000/signin-qq\\?code=[0-9A-F]{32}&state=abc$", callback.AbsoluteUri);
    }

    [Fact]
    public void AuthorizeHelper_RedirectUriWithQuery_AppendsParametersWithAmpersand()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(redirect: "http://127.0.0.1:8080/cb?returnUrl=%2Fhome", state: "s"));

        Assert.Matches("^http://127\\.0\\.0\\.1:8080/cb\\?returnUrl=%2Fhome&code=[0-9A-F]{32}&state=s$", callback.AbsoluteUri);
    }

    [Fact]
    public void AuthorizeHelper_SubdomainOfRegisteredDomain_IsAccepted()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(redirect: "https://app.localhost/cb"));

        Assert.StartsWith("https://app.localhost/cb?code=", callback.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizeHelper_Deny_ReturnsErrorCallback()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(state: "s"), approve: false);

        var query = Harness.QueryOf(callback);
        Assert.Equal("100030", query["error"]);
        Assert.Equal("user denied the authorization", query["error_description"]);
        Assert.Equal("s", query["state"]);
        Assert.Null(query["code"]);
    }

    [Fact]
    public void AuthorizeHelper_DenyOnTheMobilePage_ReturnsUserCancelCallback()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(new Uri(Harness.AuthorizeUrl(state: "s").AbsoluteUri + "&display=mobile"), approve: false);

        Assert.Equal("usercancel=1&state=s", callback.Query.TrimStart('?'));
    }

    [Theory]
    [InlineData("999", Harness.Redirect, 100008)]
    [InlineData(Harness.App, "http://example.com/cb", 100010)]
    public void AuthorizeHelper_InvalidRequest_ThrowsWithQqErrorCode(string app, string redirect, int code)
    {
        using var h = new Harness();
        var error = Assert.Throws<QqConnectEmulatorException>(() => h.Emulator.Authorize(Harness.AuthorizeUrl(app, redirect)));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public void AuthorizeHelper_UnknownUserIndex_Throws()
    {
        using var h = new Harness();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Emulator.Authorize(Harness.AuthorizeUrl(), userIndex: 3));
    }

    [Fact]
    public async Task AuthorizeHelper_ImplicitFlow_ReturnsTokenInFragment()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(state: "s", responseType: "token"));

        Assert.Matches("^http://localhost:5000/signin-qq#access_token=[0-9A-F]{32}&expires_in=7776000&state=s$", callback.AbsoluteUri);
        var token = callback.Fragment[14..46];
        var me = await h.GetAsync("oauth2.0/me?fmt=json&access_token=" + token);
        Assert.Contains(h.Emulator.GetOpenId(Harness.App, 0), me, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostDecisionAsync(Harness h, string state, string decision, int user = 0, string? display = null)
    {
        var form = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = Harness.App,
            ["redirect_uri"] = Harness.Redirect,
            ["state"] = state,
            ["scope"] = "get_user_info",
            ["user"] = user.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["decision"] = decision,
        };
        if (display is not null)
        {
            form["display"] = display;
        }

        using var content = new FormUrlEncodedContent(form);
        return await h.Http.PostAsync(new Uri("oauth2.0/authorize", UriKind.Relative), content);
    }
}
