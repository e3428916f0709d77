using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>QQ refuses a state or redirect_uri over 500 bytes (100010): what the handler sends stays within it.</summary>
public sealed class LengthLimitTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int QqLimit = 500;

    [Fact]
    public async Task LongReturnUrl_1000Characters_StateAndAuthorizeUrlStayWithinQqsLimit_AndTheUserGetsBack()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var returnUrl = "/me?q=" + new string('x', 500) + "&z=" + string.Concat(Enumerable.Repeat("你好", 26)) + "!!!";
        Assert.Equal(564, returnUrl.Length); // 980 characters percent-encoded, within the 1,024 allowed

        var authorize = await LoginSteps.ChallengeAsync(browser, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var stateCookies = browser.CookiesFor("/signin-qq").Where(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).ToList();
        output.WriteLine($"correlation cookie: {stateCookies.Count} cookie(s), {stateCookies.Sum(c => c.Value.Length)} bytes of values");
        var callback = site.Emulator.Authorize(authorize);
        using var response = await LoginSteps.CallbackAsync(browser, callback);

        var state = LoginSteps.Query(authorize, "state")!;
        var redirectUri = LoginSteps.Query(authorize, "redirect_uri")!;
        output.WriteLine($"return URL {Encoding.UTF8.GetByteCount(returnUrl)} bytes; state {state.Length} bytes; redirect_uri {redirectUri.Length} bytes; authorize URL {authorize.AbsoluteUri.Length} bytes");
        Assert.Equal(22, Encoding.UTF8.GetByteCount(state));
        Assert.True(Encoding.UTF8.GetByteCount(redirectUri) <= QqLimit);
        Assert.True(authorize.AbsoluteUri.Length <= QqLimit, $"authorize URL is {authorize.AbsoluteUri.Length} bytes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task ManyPropertyItems_DoNotReachTheState()
    {
        await using var site = await TestSite.StartAsync(configureApp: app => app.MapGet("/login-items", () =>
        {
            var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/me" };
            // Within the 2,048 characters the protected properties may take (bigger ones are refused with a 400).
            for (var i = 0; i < 10; i++)
            {
                properties.Items["item" + i] = new string((char)('a' + i), 60);
            }

            return Results.Challenge(properties, ["QQ"]);
        }));
        using var browser = site.NewBrowser();

        var authorize = await LoginSteps.ChallengeAsync(browser, "/login-items");
        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(authorize));

        Assert.Equal(22, LoginSteps.Query(authorize, "state")!.Length);
        Assert.True(authorize.AbsoluteUri.Length <= QqLimit);
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CallbackPathMakingTheRedirectUriLongerThan500Bytes_FailsAtChallengeNamingQqsLimit()
    {
        // "https://localhost" is 17 bytes: a 490-byte path passes the option check but not the whole URL, which is
        // 515 bytes as sent ("https%3A%2F%2Flocalhost%2F" is 26).
        var path = "/" + new string('p', 489);
        await using var site = await TestSite.StartAsync(options => options.CallbackPath = path);
        using var browser = site.NewBrowser();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("/login"));

        Assert.Contains("515 bytes as sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("over 500 bytes with error 100010", error.Message, StringComparison.Ordinal);
        Assert.Contains("CallbackPath", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task CallbackPathWithinTheLimitRawButNotAsSent_FailsAtChallengeNamingQqsLimit()
    {
        // 498 bytes as written, but every '/' is 3 bytes in the query string QQ receives (986 bytes): the same count
        // the client and the emulator use, so the site fails here and not at QQ with 100010.
        var path = "/" + string.Concat(Enumerable.Repeat("p/", 240));
        await using var site = await TestSite.StartAsync(options => options.CallbackPath = path);
        using var browser = site.NewBrowser();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("/login"));

        Assert.Contains("986 bytes as sent", error.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public async Task CallbackPathOf500Bytes_IsRefusedAtStartUp()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestSite.StartAsync(options => options.CallbackPath = "/" + new string('p', 500)));

        Assert.Contains("CallbackPath is longer than 500 bytes", error.Message, StringComparison.Ordinal);
    }
}
