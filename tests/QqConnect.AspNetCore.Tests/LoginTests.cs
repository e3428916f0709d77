using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>The happy path: challenge, QQ's authorize page, callback, signed-in principal.</summary>
public sealed class LoginTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Login_Approved_SignsInWithTheUsersClaims(int userIndex)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, userIndex);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
        Assert.Empty(site.Failures);
        var expected = site.Emulator.Users[userIndex];
        Assert.Equal(site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, userIndex), Assert.Single(claims[ClaimTypes.NameIdentifier]));
        Assert.Equal(expected.Nickname, Assert.Single(claims[ClaimTypes.Name]));
        Assert.Equal(expected.Gender, Assert.Single(claims[ClaimTypes.Gender]));
        Assert.Empty(claims[QqConnectClaimTypes.UnionId]);
        Assert.Contains("/qlogo/qzapp/", Assert.Single(claims[QqConnectClaimTypes.Picture]), StringComparison.Ordinal);
        Assert.EndsWith("/50", Assert.Single(claims[QqConnectClaimTypes.PictureMedium]), StringComparison.Ordinal);
        Assert.EndsWith("/100", Assert.Single(claims[QqConnectClaimTypes.PictureFull]), StringComparison.Ordinal);
        Assert.EndsWith("/40", Assert.Single(claims[QqConnectClaimTypes.Avatar]), StringComparison.Ordinal);
        Assert.Contains("/qlogo/qqapp/", Assert.Single(claims[QqConnectClaimTypes.AvatarUrl]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UserWithEveryField_GetsProvinceCityYearAndFullAvatar()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 0);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal("广东", Assert.Single(claims[QqConnectClaimTypes.Province]));
        Assert.Equal("深圳", Assert.Single(claims[QqConnectClaimTypes.City]));
        Assert.Equal("1990", Assert.Single(claims[QqConnectClaimTypes.Year]));
        Assert.EndsWith("/100", Assert.Single(claims[QqConnectClaimTypes.AvatarFull]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UserWithoutFullAvatar_HasNoAvatarFullClaimButABestAvatar()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 1);
        var claims = await LoginSteps.ClaimsAsync(browser);

        // 小红 has no figureurl_qq_2 and empty province/city.
        Assert.Empty(claims[QqConnectClaimTypes.AvatarFull]);
        Assert.Empty(claims[QqConnectClaimTypes.Province]);
        Assert.Empty(claims[QqConnectClaimTypes.City]);
        Assert.EndsWith("/640", Assert.Single(claims[QqConnectClaimTypes.AvatarUrl]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ReturnsToTheReturnUrlOfTheChallenge()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/login?returnUrl=%2Fme%3Fx%3D1%26y%3D%E4%BD%A0");

        Assert.Equal("/me?x=1&y=你", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Challenge_AuthorizeUrl_CarriesTheAppTheCallbackAndAShortState()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var authorize = await LoginSteps.ChallengeAsync(browser);

        Assert.Equal("graph.qq.com", authorize.Host);
        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, LoginSteps.Query(authorize, "client_id"));
        Assert.Equal("code", LoginSteps.Query(authorize, "response_type"));
        Assert.Equal("https://localhost/signin-qq", LoginSteps.Query(authorize, "redirect_uri"));
        Assert.Matches("^[A-Za-z0-9_-]{22}$", LoginSteps.Query(authorize, "state"));
        Assert.Null(LoginSteps.Query(authorize, "display"));
        // One cookie scoped to the callback: the correlation cookie, named after the state, carrying the properties;
        // and one small cookie on the root listing the pending logins, so that later challenges can drop old ones.
        var root = Assert.Single(browser.CookiesFor("/"));
        Assert.Equal(".AspNetCore.QqConnect.Pending.QQ", root.Name);
        Assert.True(root.HttpOnly && root.Secure);
        Assert.True(root.Value.Length < 400, $"pending list is {root.Value.Length} characters");
        var cookie = Assert.Single(browser.CookiesFor("/signin-qq"), c => c.Name != root.Name);
        Assert.Equal(".AspNetCore.Correlation." + LoginSteps.Query(authorize, "state"), cookie.Name);
        Assert.True(cookie.HttpOnly && cookie.Secure);
    }

    [Fact]
    public async Task Challenge_DisplayMobileAndScopes_AreInTheAuthorizeUrl()
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            options.Display = QqDisplay.Mobile;
            options.Scopes.Add("get_user_info");
            options.Scopes.Add("get_vip_info");
        });
        using var browser = site.NewBrowser();

        var (authorize, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal("mobile", LoginSteps.Query(authorize, "display"));
        Assert.Equal("get_user_info,get_vip_info", LoginSteps.Query(authorize, "scope"));
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_CorrelationCookieIsDeletedAfterTheCallback_SoTheSameCallbackCannotBeReplayed()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();
        var (_, callback, _) = await LoginSteps.LoginAsync(browser, site.Emulator);

        using var replay = await LoginSteps.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.InternalServerError, replay.StatusCode);
        Assert.Contains("correlation cookie is missing", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(1, site.Emulator.GetRequestCount("/oauth2.0/token"));
        Assert.Equal(0, site.Emulator.CodeReplays);
    }

    [Fact]
    public async Task CreatingTicket_SeesTypedAnswers_AndCanAddClaims()
    {
        QqConnectCreatingTicketContext? seen = null;
        await using var site = await TestSite.StartAsync(options => options.Events.OnCreatingTicket = context =>
        {
            seen = context;
            context.Identity!.AddClaim(new Claim("vip", context.User.IsVip ? "yes" : "no"));
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 1);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.NotNull(seen);
        Assert.Equal("小红", seen.User.Nickname);
        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, seen.OpenId.ClientId);
        Assert.Equal(site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 1), seen.OpenId.OpenId);
        Assert.False(string.IsNullOrEmpty(seen.Token.AccessToken));
        Assert.Equal("小红", seen.UserData.GetProperty("nickname").GetString());
        Assert.Equal("yes", Assert.Single(claims["vip"]));
    }

    [Fact]
    public async Task ClaimActions_CanBeRemovedAndAdded()
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            options.ClaimActions.DeleteClaim(ClaimTypes.Gender);
            options.ClaimActions.MapJsonKey("constellation", "constellation");
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 0);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Empty(claims[ClaimTypes.Gender]);
        Assert.Equal("摩羯座", Assert.Single(claims["constellation"]));
    }
}
