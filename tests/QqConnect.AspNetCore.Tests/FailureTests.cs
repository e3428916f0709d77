using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>Refusals, QQ errors and forged or stale callbacks: where they go, and that no code is ever exchanged for them.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deny_InEitherCallbackForm_GoesToAccessDeniedPathWithoutCallingQq(bool legacyForm)
    {
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions { UseLegacyCallbackErrors = legacyForm });
        await using var site = await TestSite.StartAsync(emulator: emulator);
        using var browser = site.NewBrowser();

        var (_, callback, response) = await LoginSteps.LoginAsync(browser, emulator, approve: false);

        Assert.Equal(legacyForm ? "100030" : null, LoginSteps.Query(callback, "code"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/denied?ReturnUrl=%2Fme", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["QQ"], site.Denials);
        Assert.Empty(site.Failures);
        Assert.Equal(0, emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task QqError_InEitherCallbackForm_IsARemoteFailureCarryingTheApiException(bool legacyForm)
    {
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions
        {
            UseLegacyCallbackErrors = legacyForm,
            DenyErrorCode = 100070,
            DenyErrorDescription = "the account has security exception",
        });
        await using var site = await TestSite.StartAsync(emulator: emulator);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator, approve: false);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(site.Denials);
        var failure = Assert.IsType<AuthenticationFailureException>(Assert.Single(site.Failures));
        var api = Assert.IsType<QqConnectApiException>(failure.InnerException);
        Assert.Equal(100070, api.ErrorCode);
        Assert.Equal("the account has security exception", api.ErrorDescription);
        Assert.Contains("100070", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task ReusedCode_WithAnotherValidState_FailsWith100020AsInnerException()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var first = await LoginSteps.ChallengeAsync(browser);
        var second = await LoginSteps.ChallengeAsync(browser);
        var callback = site.Emulator.Authorize(first);
        using (await LoginSteps.CallbackAsync(browser, callback))
        {
        }

        // The same code again, under the second login's state (whose cookies this browser holds).
        var code = LoginSteps.Query(callback, "code");
        var forged = new Uri($"https://localhost/signin-qq?code={code}&state={LoginSteps.Query(second, "state")}");
        using var response = await LoginSteps.CallbackAsync(browser, forged);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failure = Assert.Single(site.Failures);
        var api = Assert.IsType<QqConnectApiException>(failure.InnerException);
        Assert.Equal(QqErrorCodes.CodeReused, api.ErrorCode);
        Assert.Equal(QqConnectOperation.ExchangeCode, api.Operation);
        Assert.Contains("100020", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, site.Emulator.CodeReplays);
    }

    [Fact]
    public async Task CorrelationCookieTampered_FailsAndTheCodeIsNeverExchanged()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var authorize = await LoginSteps.ChallengeAsync(browser);
        var stateCookie = browser.CookiesFor("/signin-qq").Single(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        stateCookie.Value = stateCookie.Value[..^4] + (stateCookie.Value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(authorize));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("could not be read", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task CorrelationCookieMissing_FailsAndTheCodeIsNeverExchanged()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var authorize = await LoginSteps.ChallengeAsync(browser);
        browser.CookiesFor("/signin-qq").Single(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).Expired = true;

        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(authorize));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failure = Assert.Single(site.Failures).Message;
        Assert.StartsWith("Correlation failed", failure, StringComparison.Ordinal);
        Assert.Contains("correlation cookie is missing", failure, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task ForgedState_NotIssuedHere_FailsWithoutCallingQq()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        await LoginSteps.ChallengeAsync(browser);

        using var response = await browser.GetAsync("/signin-qq?code=0123456789ABCDEF0123456789ABCDEF&state=..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("not one this site issues", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task CallbackWithoutState_FailsWithoutCallingQq()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/signin-qq?code=0123456789ABCDEF0123456789ABCDEF");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("no state", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task ExpiredLogin_FailsEvenWhenTheBrowserStillSendsTheCookies()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions(), time);
        await using var site = await TestSite.StartAsync(options => options.TimeProvider = time, emulator);
        using var browser = site.NewBrowser();
        var authorize = await LoginSteps.ChallengeAsync(browser);
        var callback = emulator.Authorize(authorize);
        time.Advance(TimeSpan.FromMinutes(16)); // RemoteAuthenticationTimeout is 15 minutes; the cookies are still in the jar (real clock)

        using var response = await LoginSteps.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("expired", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task StateFromAnotherBrowser_FailsAndTheCodeIsNeverExchanged()
    {
        await using var site = await TestSite.StartAsync();
        using var attacker = site.NewBrowser();
        using var victim = site.NewBrowser();
        await LoginSteps.ChallengeAsync(victim); // the victim has login cookies of its own
        var attackersCallback = site.Emulator.Authorize(await LoginSteps.ChallengeAsync(attacker));

        using var response = await LoginSteps.CallbackAsync(victim, attackersCallback);
        using var me = await victim.GetAsync("/me");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("another browser", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task TokenOfAnotherApp_IsRefusedBySecurityCheck()
    {
        // A token answer without openid (an older QQ) makes the handler ask /me, whose client_id is checked.
        var emulator = new QqConnectEmulator();
        await using var site = await TestSite.StartAsync(
            options => options.BackchannelHttpHandler = new AnswerRewriter(emulator.CreateHandler(), "/oauth2.0/token", AnswerRewriter.WithoutOpenId),
            emulator);
        using var browser = site.NewBrowser();
        var someoneElsesOpenId = site.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0);
        site.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/me",
            Kind = EmulatorFaultKind.CustomBody,
            Body = $"{{\"client_id\":\"{QqConnectEmulatorOptions.UnionIdAppId}\",\"openid\":\"{someoneElsesOpenId}\"}}",
        });

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var inner = Assert.IsAssignableFrom<QqConnectException>(Assert.Single(site.Failures).InnerException);
        Assert.Equal(QqConnectErrorKind.SecurityCheck, inner.Kind);
        Assert.Equal(0, site.Emulator.GetRequestCount("/user/get_user_info"));
    }

    [Fact]
    public async Task UnionIdWithoutPermission_FailsWith100048()
    {
        await using var site = await TestSite.StartAsync(options => options.RequestUnionId = true);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var api = Assert.IsType<QqConnectApiException>(Assert.Single(site.Failures).InnerException);
        Assert.Equal(QqErrorCodes.NoUnionIdPermission, api.ErrorCode);
        Assert.Equal(QqConnectOperation.GetOpenId, api.Operation);
    }

    [Fact]
    public async Task NotACallback_StateWithoutCodeOrError_FailsWithoutCallingQq()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var state = LoginSteps.Query(await LoginSteps.ChallengeAsync(browser), "state");

        using var response = await browser.GetAsync("/signin-qq?state=" + state);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("the callback carries", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }
}
