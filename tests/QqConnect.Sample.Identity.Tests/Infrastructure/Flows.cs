using System.Net;

namespace QqConnect.Sample.Identity.Tests.Infrastructure;

/// <summary>The user's steps through the site, each checked as it goes.</summary>
public static class Flows
{
    public const string Password = "correct horse 1";

    /// <summary>
    /// QQ登录 from <paramref name="start"/> (a GET link or a POST form on the account page): the site sends the browser
    /// to QQ, user <paramref name="userIndex"/> approves, QQ sends it back, the handler hands over to /qq/callback.
    /// Returns the answer of /qq/callback.
    /// </summary>
    public static async Task<HttpResponseMessage> QqLoginAsync(TestBrowser browser, QqConnectEmulator emulator, int userIndex = 0, bool fromAccountPage = false)
    {
        using var challenge = fromAccountPage
            ? await browser.SubmitAsync("/account", "qq-bind")
            : await browser.GetAsync("/qq/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal("/oauth2.0/authorize", authorize.AbsolutePath);
        Assert.True(authorize.AbsoluteUri.Length < 400, "the authorize URL stays well under QQ's 500-byte limits");

        var callback = emulator.Authorize(authorize, userIndex);
        using var afterQq = await browser.GetAsync(callback.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, afterQq.StatusCode);
        Assert.Equal("/qq/callback", afterQq.Headers.Location!.OriginalString);
        return await browser.GetAsync("/qq/callback");
    }

    /// <summary>QQ登录 of an unbound QQ, then "create a new account" on the bind page with the suggested name.</summary>
    public static async Task<string> QqLoginAndCreateAccountAsync(TestBrowser browser, QqConnectEmulator emulator, int userIndex = 0)
    {
        using (var callback = await QqLoginAsync(browser, emulator, userIndex))
        {
            Assert.Equal("/qq/bind", callback.Headers.Location?.OriginalString);
        }

        var bindPage = await browser.PageAsync("/qq/bind");
        var suggested = TestBrowser.Attribute(bindPage, "userName", "value")!;
        using var created = await browser.SubmitAsync("/qq/bind", "create-account", ("userName", suggested));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account", created.Headers.Location!.OriginalString);
        return suggested;
    }

    /// <summary>Registers a local account (user name + password) and stays signed in.</summary>
    public static async Task RegisterAsync(TestBrowser browser, string userName, string password = Password)
    {
        using var response = await browser.SubmitAsync("/register", "register-form", ("userName", userName), ("password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location!.OriginalString);
    }

    public static async Task SignOutAsync(TestBrowser browser)
    {
        using var response = await browser.SubmitAsync("/", "logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
