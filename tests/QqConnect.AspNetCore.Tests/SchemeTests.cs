using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>Several schemes, UnionID, a reused client registration, and option validation.</summary>
public sealed class SchemeTests
{
    [Fact]
    public async Task TwoSchemes_TwoApps_EachLogsInWithItsOwnAppAndCallback()
    {
        await using var site = await TestSite.StartAsync(configureServices: (_, authentication, emulator) =>
            authentication.AddQqConnect("QQ-mobile", "QQ (mobile app)", options =>
            {
                options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
                options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
                options.CallbackPath = "/signin-qq-mobile";
                options.BackchannelHttpHandler = emulator.CreateHandler();
            }));
        using var first = site.NewBrowser();
        using var second = site.NewBrowser();

        var (authorizeFirst, _, _) = await LoginSteps.LoginAsync(first, site.Emulator, userIndex: 0);
        var (authorizeSecond, _, _) = await LoginSteps.LoginAsync(second, site.Emulator, userIndex: 0, loginPath: "/login?scheme=QQ-mobile");
        var claimsFirst = await LoginSteps.ClaimsAsync(first);
        var claimsSecond = await LoginSteps.ClaimsAsync(second);

        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, LoginSteps.Query(authorizeFirst, "client_id"));
        Assert.Equal(QqConnectEmulatorOptions.UnionIdAppId, LoginSteps.Query(authorizeSecond, "client_id"));
        Assert.Equal("https://localhost/signin-qq-mobile", LoginSteps.Query(authorizeSecond, "redirect_uri"));
        Assert.Equal(site.Emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), Assert.Single(claimsFirst[ClaimTypes.NameIdentifier]));
        Assert.Equal(site.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0), Assert.Single(claimsSecond[ClaimTypes.NameIdentifier]));
        Assert.NotEqual(claimsFirst[ClaimTypes.NameIdentifier].Single(), claimsSecond[ClaimTypes.NameIdentifier].Single());
        Assert.Empty(site.Failures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnionId_WithThePermission_IsAClaim_AndOptionallyTheNameIdentifier(bool useUnionIdAsNameIdentifier)
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
            options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
            options.RequestUnionId = true;
            options.UseUnionIdAsNameIdentifier = useUnionIdAsNameIdentifier;
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, userIndex: 2);
        var claims = await LoginSteps.ClaimsAsync(browser);

        var unionId = site.Emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 2);
        var openId = site.Emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 2);
        Assert.Equal(unionId, Assert.Single(claims[QqConnectClaimTypes.UnionId]));
        Assert.Equal(useUnionIdAsNameIdentifier ? unionId : openId, Assert.Single(claims[ClaimTypes.NameIdentifier]));
    }

    [Fact]
    public async Task ClientName_ReusesAnAddQqConnectClientRegistration()
    {
        var emulator = new QqConnectEmulator();
        await using var site = await TestSite.StartWithClientNameAsync(emulator);
        using var browser = site.NewBrowser();

        var (authorize, _, response) = await LoginSteps.LoginAsync(browser, emulator);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal("https://localhost/signin-qq", LoginSteps.Query(authorize, "redirect_uri"));
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
        Assert.Equal(emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), Assert.Single(claims[ClaimTypes.NameIdentifier]));
    }

    [Theory]
    [InlineData(null, "key", "QqConnectAuthenticationOptions.AppId is required")]
    [InlineData("100000001", null, "QqConnectAuthenticationOptions.AppKey is required")]
    public async Task Options_MissingSetting_FailsAtStartUpWithAMessageNamingIt(string? appId, string? appKey, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestSite.StartAsync(options =>
        {
            options.AppId = appId;
            options.AppKey = appKey;
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnionIdAsNameIdentifierWithoutRequestingIt_IsRefused()
    {
        var options = new QqConnectAuthenticationOptions
        {
            AppId = "100000001",
            AppKey = "key",
            SignInScheme = "Cookies",
            UseUnionIdAsNameIdentifier = true,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("UseUnionIdAsNameIdentifier needs RequestUnionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ClientNameWithAppId_IsRefused()
    {
        var options = new QqConnectAuthenticationOptions { ClientName = "web", AppId = "100000001", SignInScheme = "Cookies" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("ClientName cannot be combined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ClientNameWithRequestUnionId_IsRefused_BecauseTheRegistrationDecides()
    {
        var options = new QqConnectAuthenticationOptions { ClientName = "web", RequestUnionId = true, SignInScheme = "Cookies" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("set them on the named AddQqConnectClient registration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientName_OfNoRegistration_FailsAtStartUp()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestSite.StartAsync(
            addDefaultScheme: false,
            configureServices: (_, authentication, _) => authentication.AddQqConnect(options => options.ClientName = "nobody")));

        Assert.Contains("AppId is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_MatchAspnetContribsQqProvider()
    {
        var options = new QqConnectAuthenticationOptions();

        Assert.Equal("QQ", QqConnectAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal("QQ", QqConnectAuthenticationDefaults.DisplayName);
        Assert.Equal("/signin-qq", options.CallbackPath.Value);
        Assert.False(options.UseUnionIdAsNameIdentifier);
        Assert.False(options.SaveTokens);
    }

    [Fact]
    public async Task AddQqConnect_RegistersTheSchemeWithItsDisplayName()
    {
        await using var site = await TestSite.StartAsync();

        var schemes = site.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var scheme = await schemes.GetSchemeAsync("QQ");

        Assert.NotNull(scheme);
        Assert.Equal("QQ", scheme.DisplayName);
    }
}
