using System.Net;

namespace QqConnect.AspNetCore.Tests.Infrastructure;

/// <summary>The hops of a login, played by a <see cref="TestBrowser"/> and the emulator's <c>Authorize</c>.</summary>
public static class LoginSteps
{
    /// <summary>Opens <paramref name="loginPath"/> and returns QQ's authorize URL the site redirected to.</summary>
    public static async Task<Uri> ChallengeAsync(TestBrowser browser, string loginPath = "/login")
    {
        using var response = await browser.GetAsync(loginPath);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/oauth2.0/authorize", location.AbsolutePath);
        return location;
    }

    /// <summary>Opens QQ's callback URL in the browser; returns the site's answer.</summary>
    public static Task<HttpResponseMessage> CallbackAsync(TestBrowser browser, Uri callback) => browser.GetAsync(new Uri(callback.AbsoluteUri));

    /// <summary>The whole login: challenge, the user approves (or denies) on QQ, the callback.</summary>
    public static async Task<(Uri Authorize, Uri Callback, HttpResponseMessage Response)> LoginAsync(
        TestBrowser browser, QqConnectEmulator emulator, int userIndex = 0, bool approve = true, string loginPath = "/login")
    {
        var authorize = await ChallengeAsync(browser, loginPath);
        var callback = emulator.Authorize(authorize, userIndex, approve);
        var response = await CallbackAsync(browser, callback);
        return (authorize, callback, response);
    }

    /// <summary>The claims the site shows for the signed-in user (type → values).</summary>
    public static async Task<ILookup<string, string>> ClaimsAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToLookup(parts => parts[0], parts => parts[1]);
    }

    /// <summary>The value of one query parameter of <paramref name="url"/>, decoded.</summary>
    public static string? Query(Uri url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
