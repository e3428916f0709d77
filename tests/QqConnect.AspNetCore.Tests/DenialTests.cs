using System.Net;
using Microsoft.AspNetCore.Authentication;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>
/// A refusal (deny on QQ's PC page, cancel on its mobile page) and other remote failures on a site that, like the
/// Identity templates, has no AccessDeniedPath and no events: the browser goes back to the login's return URL with
/// <c>remoteError</c>, never to a 404 or a 500.
/// </summary>
public sealed class DenialTests
{
    private const string IdentityCallback = "/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2F";

    private static Task<TestSite> StartPlainSiteAsync(Action<QqConnectAuthenticationOptions>? configure = null, QqConnectEmulator? emulator = null) =>
        TestSite.StartAsync(
            options =>
            {
                options.AccessDeniedPath = default;
                options.Events = new QqConnectAuthenticationEvents();
                configure?.Invoke(options);
            },
            emulator);

    private static string Login(string returnUrl) => "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deny_WithoutAccessDeniedPathOrEvents_RedirectsToTheReturnUrlWithRemoteError(bool legacyForm)
    {
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions { UseLegacyCallbackErrors = legacyForm });
        await using var site = await StartPlainSiteAsync(emulator: emulator);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator, approve: false, loginPath: Login(IdentityCallback));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(IdentityCallback + "&remoteError=", location, StringComparison.Ordinal);
        var remoteError = LoginSteps.Query(new Uri(TestSite.BaseAddress, location), "remoteError")!;
        Assert.Contains("QQ登录", remoteError, StringComparison.Ordinal);
        Assert.Contains("cancelled", remoteError, StringComparison.Ordinal);
        Assert.Contains("100030", remoteError, StringComparison.Ordinal);
        Assert.True(remoteError.Length <= 100);
        Assert.Equal(0, emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task Deny_WithOnRemoteFailureThatHandles_TheirsWinsAndSeesAccessDenied()
    {
        await using var site = await TestSite.StartAsync(options => options.AccessDeniedPath = default);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode); // the test site's OnRemoteFailure
        Assert.Equal(["QQ"], site.Denials);
        var failure = Assert.IsType<AuthenticationFailureException>(Assert.Single(site.Failures));
        Assert.Equal("Access was denied by the resource owner or by the remote server.", failure.Message);
        Assert.Equal("100030", failure.Data["error"]);
        Assert.Equal(100030, Assert.IsType<QqConnectApiException>(failure.InnerException).ErrorCode);
    }

    [Fact]
    public async Task Deny_WithAccessDeniedPathAndNoEvents_GoesToAccessDeniedPath()
    {
        await using var site = await StartPlainSiteAsync(options => options.AccessDeniedPath = "/denied");
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/denied?ReturnUrl=%2Fme", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QqError_WithoutEvents_RedirectsWithRemoteErrorNamingQqsCode()
    {
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions { DenyErrorCode = 100070, DenyErrorDescription = "the account has security exception" });
        await using var site = await StartPlainSiteAsync(emulator: emulator);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator, approve: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(TestSite.BaseAddress, response.Headers.Location!);
        Assert.Equal("/me", location.AbsolutePath);
        var remoteError = LoginSteps.Query(location, "remoteError")!;
        Assert.Contains("failed", remoteError, StringComparison.Ordinal);
        Assert.Contains("100070", remoteError, StringComparison.Ordinal);
        Assert.DoesNotContain("security exception", remoteError, StringComparison.Ordinal); // QQ's (anyone's) text is never echoed
    }

    [Fact]
    public async Task ReplayedOldCallback_WithoutEvents_GoesToTheRootWithRemoteError()
    {
        await using var site = await StartPlainSiteAsync();
        using var browser = site.NewBrowser();
        var (_, callback, first) = await LoginSteps.LoginAsync(browser, site.Emulator);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var replay = await LoginSteps.CallbackAsync(browser, callback); // the user reloads the old /signin-qq?code=… URL

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        var location = replay.Headers.Location!.OriginalString;
        Assert.StartsWith("/?remoteError=", location, StringComparison.Ordinal);
        Assert.Contains("failed", LoginSteps.Query(new Uri(TestSite.BaseAddress, location), "remoteError"), StringComparison.Ordinal);
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task CallbackWithoutState_WithoutEvents_GoesToTheRootWithRemoteError()
    {
        await using var site = await StartPlainSiteAsync();
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/signin-qq?code=0123456789ABCDEF0123456789ABCDEF");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/?remoteError=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task ReplayedOldCallback_UnderAPathBase_GoesToThePathBaseRoot()
    {
        await using var site = await StartPlainSiteAsync();
        using var browser = site.NewBrowser();
        var (_, callback, _) = await LoginSteps.LoginAsync(browser, site.Emulator);

        // The same site reached under /app (as behind a proxy that forwards the prefix): its root is /app/.
        var underPathBase = new Uri("https://localhost/app" + callback.PathAndQuery);
        await using var prefixed = await TestSite.StartAsync(
            options =>
            {
                options.AccessDeniedPath = default;
                options.Events = new QqConnectAuthenticationEvents();
            },
            pathBase: "/app");
        using var other = prefixed.NewBrowser();
        using var response = await other.GetAsync(underPathBase);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/?remoteError=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deny_WithRemoteErrorParameterOff_KeepsTheFrameworksFailure()
    {
        await using var site = await StartPlainSiteAsync(options => options.RemoteErrorParameter = null);
        using var browser = site.NewBrowser();
        var authorize = await LoginSteps.ChallengeAsync(browser);

        var exception = await Record.ExceptionAsync(async () =>
        {
            using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(authorize, approve: false));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        });

        Assert.Contains("Access was denied", exception?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deny_WithACustomRemoteErrorParameter_UsesThatName()
    {
        await using var site = await StartPlainSiteAsync(options => options.RemoteErrorParameter = "qqError");
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.StartsWith("/me?qqError=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MobileCancel_WithoutEvents_RedirectsWithRemoteErrorAndNeverCallsQq()
    {
        await using var site = await StartPlainSiteAsync(options => options.Display = QqDisplay.Mobile);
        using var browser = site.NewBrowser();

        var (_, callback, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.Equal("1", LoginSteps.Query(callback, "usercancel"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(TestSite.BaseAddress, response.Headers.Location!);
        Assert.Equal("/me", location.AbsolutePath);
        Assert.Contains("cancelled", LoginSteps.Query(location, "remoteError"), StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task MobileCancel_WithAccessDeniedPath_GoesThereAndRaisesOnAccessDenied()
    {
        await using var site = await TestSite.StartAsync(options => options.Display = QqDisplay.Mobile);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/denied?ReturnUrl=%2Fme", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["QQ"], site.Denials);
        Assert.Empty(site.Failures);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task MobileCancel_WithOnRemoteFailure_SeesAccessDeniedWithTheCancel()
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            options.Display = QqDisplay.Mobile;
            options.AccessDeniedPath = default;
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        var failure = Assert.Single(site.Failures);
        Assert.Equal("Access was denied by the resource owner or by the remote server.", failure.Message);
        Assert.Equal("usercancel", failure.Data["error"]);
    }

    [Fact]
    public async Task ForgedUserCancelWithoutTheCookie_IsAFailureNotADenial()
    {
        await using var site = await StartPlainSiteAsync();
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/signin-qq?usercancel=1&state=AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var remoteError = LoginSteps.Query(new Uri(TestSite.BaseAddress, response.Headers.Location!), "remoteError");
        Assert.Contains("failed", remoteError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAccessDeniedPointingTheReturnUrlAway_TheDefaultStillStaysLocal()
    {
        await using var site = await StartPlainSiteAsync(options => options.Events.OnAccessDenied = context =>
        {
            context.Properties!.RedirectUri = "https://evil.example/";
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

        Assert.StartsWith("/?remoteError=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
