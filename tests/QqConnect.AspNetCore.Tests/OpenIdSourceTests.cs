using System.Net;
using System.Security.Claims;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>
/// Where the user's ids come from: the token answer (need_openid=1) when the UnionID is not wanted, so a login is two
/// calls to QQ; <c>/oauth2.0/me</c> when it is (three calls), or when the token answer carries no openid.
/// </summary>
public sealed class OpenIdSourceTests
{
    [Fact]
    public async Task Login_WithoutUnionId_TakesTheOpenIdFromTheTokenAnswer_InTwoCalls()
    {
        QqConnectCreatingTicketContext? seen = null;
        await using var site = await TestSite.StartAsync(options => options.Events.OnCreatingTicket = context =>
        {
            seen = context;
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 1);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(site.Failures);
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/me"));
        Assert.Equal(1, site.Emulator.GetRequestCount("/user/get_user_info"));
        var openId = site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 1);
        Assert.Equal(openId, Assert.Single(claims[ClaimTypes.NameIdentifier]));
        Assert.Empty(claims[QqConnectClaimTypes.UnionId]);
        Assert.Equal(openId, seen!.OpenId.OpenId);
        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, seen.OpenId.ClientId);
        Assert.Null(seen.OpenId.UnionId);
        Assert.Equal(openId, seen.Token.OpenId);
    }

    [Fact]
    public async Task Login_WithUnionId_AsksMe_InThreeCalls()
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
            options.RequestUnionId = true;
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Empty(site.Failures);
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/me"));
        Assert.Equal(1, site.Emulator.GetRequestCount("/user/get_user_info"));
        Assert.Equal(site.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0), Assert.Single(claims[ClaimTypes.NameIdentifier]));
        Assert.Equal(site.Emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 0), Assert.Single(claims[QqConnectClaimTypes.UnionId]));
    }

    [Fact]
    public async Task Login_WithUnionIdOnTheNamedClientRegistration_AsksMe_InThreeCalls()
    {
        var emulator = new QqConnectEmulator();
        await using var site = await TestSite.StartWithClientNameAsync(emulator, options =>
        {
            options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
            options.RequestUnionId = true;
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, emulator);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal(1, emulator.GetRequestCount("/oauth2.0/me"));
        Assert.Equal(emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 0), Assert.Single(claims[QqConnectClaimTypes.UnionId]));
    }

    [Fact]
    public async Task Login_TokenAnswerWithoutOpenId_AsksMe()
    {
        var emulator = new QqConnectEmulator();
        await using var site = await TestSite.StartAsync(
            options => options.BackchannelHttpHandler = new AnswerRewriter(emulator.CreateHandler(), "/oauth2.0/token", AnswerRewriter.WithoutOpenId),
            emulator);
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, emulator);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Empty(site.Failures);
        Assert.Equal(1, emulator.GetRequestCount("/oauth2.0/me"));
        Assert.Equal(emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), Assert.Single(claims[ClaimTypes.NameIdentifier]));
    }

    [Fact]
    public async Task Login_WithUnionId_TokenOpenIdDifferentFromMes_Fails()
    {
        var emulator = new QqConnectEmulator();
        var someoneElse = emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 2);
        await using var site = await TestSite.StartAsync(
            options =>
            {
                options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
                options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
                options.RequestUnionId = true;
                options.BackchannelHttpHandler = new AnswerRewriter(emulator.CreateHandler(), "/oauth2.0/token", body => AnswerRewriter.WithOpenId(body, someoneElse));
            },
            emulator);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator);
        using var me = await browser.GetAsync("/me");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("openid", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(0, emulator.GetRequestCount("/user/get_user_info"));
    }
}
