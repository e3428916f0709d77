using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>
/// The handler's failure messages follow the request's UI culture (here set by <c>UseRequestLocalization</c> from the
/// culture cookie): Chinese for a zh-CN browser, English for an en-US one; QQ's error inside reads the same language.
/// </summary>
public sealed class LocalizationTests
{
    private static Task<TestSite> StartLocalizedSiteAsync(Action<QqConnectAuthenticationOptions>? configure = null, QqConnectEmulator? emulator = null) =>
        TestSite.StartAsync(configure, emulator, configureFirst: app => app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture("en-US");
            options.AddSupportedCultures("en-US", "zh-CN");
            options.AddSupportedUICultures("en-US", "zh-CN");
        }));

    private static TestBrowser NewBrowser(TestSite site, string culture)
    {
        var browser = site.NewBrowser();
        browser.Cookies.Add(TestSite.BaseAddress, new Cookie(
            CookieRequestCultureProvider.DefaultCookieName,
            Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)))));
        return browser;
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    [Fact]
    public async Task QqErrorDuringTheLogin_ChineseBrowser_FailureReadsChinese()
    {
        await using var site = await StartLocalizedSiteAsync(options => options.RequestUnionId = true);
        using var browser = NewBrowser(site, "zh-CN");

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failure = Assert.Single(site.Failures);
        var api = Assert.IsType<QqConnectApiException>(failure.InnerException);
        Assert.StartsWith("QQ登录失败（GetOpenId）：QQ互联拒绝了 GetOpenId 调用，错误码 100048（应用没有 UnionID 权限）", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("请在 QQ互联管理中心申请 UnionID 权限，或将 QqConnectOptions.RequestUnionId 设为 false。", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("QQ互联拒绝了 GetOpenId 调用", api.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QqConnectEmulatorOptions.DefaultAppKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QqErrorDuringTheLogin_EnglishBrowser_FailureReadsEnglish()
    {
        await using var site = await StartLocalizedSiteAsync(options => options.RequestUnionId = true);
        using var browser = NewBrowser(site, "en-US");

        await LoginSteps.LoginAsync(browser, site.Emulator);

        var failure = Assert.Single(site.Failures);
        Assert.StartsWith("The QQ login failed (GetOpenId): QQ Connect rejected GetOpenId with error 100048 (the app has no UnionID permission)", failure.Message, StringComparison.Ordinal);
        Assert.False(HasChinese(failure.Message), failure.Message);
    }

    [Fact]
    public async Task QqErrorOnTheCallback_ChineseBrowser_FailureReadsChinese()
    {
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions { DenyErrorCode = 100070, DenyErrorDescription = "the account has security exception" });
        await using var site = await StartLocalizedSiteAsync(emulator: emulator);
        using var browser = NewBrowser(site, "zh-CN");

        await LoginSteps.LoginAsync(browser, emulator, approve: false);

        var failure = Assert.Single(site.Failures);
        Assert.Equal("QQ 在回调中报告了错误：QQ登录失败，错误码 100070（该 QQ 账号存在安全异常）：the account has security exception。", failure.Message);
        Assert.Equal("QQ登录失败，错误码 100070（该 QQ 账号存在安全异常）：the account has security exception。", failure.InnerException!.Message);
    }

    [Fact]
    public async Task Refusal_ChineseBrowser_FailureAndRemoteErrorReadChinese()
    {
        await using (var site = await StartLocalizedSiteAsync(options => options.AccessDeniedPath = default))
        {
            using var browser = NewBrowser(site, "zh-CN");
            await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

            var failure = Assert.IsType<AuthenticationFailureException>(Assert.Single(site.Failures));
            Assert.Equal("用户或 QQ 拒绝了授权。", failure.Message);
            Assert.StartsWith("QQ登录失败，错误码 100030（用户没有授权此接口，或已取消授权）", failure.InnerException!.Message, StringComparison.Ordinal);
        }

        // No OnRemoteFailure handler: the default sends the browser back with a short remoteError, in Chinese too.
        await using (var site = await StartLocalizedSiteAsync(options =>
        {
            options.AccessDeniedPath = default;
            options.Events = new QqConnectAuthenticationEvents();
        }))
        {
            using var browser = NewBrowser(site, "zh-CN");
            var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, approve: false);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var remoteError = LoginSteps.Query(new Uri(TestSite.BaseAddress, response.Headers.Location!), "remoteError");
            Assert.Equal("QQ登录已取消（QQ 错误码 100030）。", remoteError);
        }
    }

    [Fact]
    public async Task CorrelationCookieMissing_ChineseBrowser_FailureReadsChinese()
    {
        await using var site = await StartLocalizedSiteAsync();
        using var browser = NewBrowser(site, "zh-CN");
        var authorize = await LoginSteps.ChallengeAsync(browser);
        browser.CookiesFor("/signin-qq").Single(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).Expired = true;

        using var response = await LoginSteps.CallbackAsync(browser, site.Emulator.Authorize(authorize));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("关联失败：缺少这次QQ登录的关联 Cookie", Assert.Single(site.Failures).Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Theory]
    [InlineData("zh-CN", "必须设置 QqConnectAuthenticationOptions.AppId（QQ互联管理中心的 APP ID），除非 ClientName 指定了一个 AddQqConnectClient 注册。")]
    [InlineData("en-US", "QqConnectAuthenticationOptions.AppId is required (the APP ID from the QQ Connect console), unless ClientName names an AddQqConnectClient registration.")]
    public void OptionsValidation_FollowsTheUiCulture(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);

            var error = Assert.Throws<ArgumentException>(() => new QqConnectAuthenticationOptions().Validate());

            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void EveryMessage_HasAChineseTranslation_WithTheSamePlaceholders()
    {
        var manager = new ResourceManager("QqConnect.AspNetCore.Resources.Strings", typeof(QqConnectAuthenticationOptions).Assembly);
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var chinese = manager.GetResourceSet(new CultureInfo("zh-Hans"), createIfNotExists: true, tryParents: false)!;
        var count = 0;
        foreach (DictionaryEntry entry in neutral)
        {
            var key = (string)entry.Key;
            var translated = chinese.GetString(key);
            Assert.True(HasChinese(translated), $"{key} has no Chinese translation: {translated}");
            Assert.Equal(Placeholders((string)entry.Value!), Placeholders(translated!));
            count++;
        }

        foreach (DictionaryEntry entry in chinese)
        {
            Assert.NotNull(neutral.GetString((string)entry.Key));
        }

        Assert.True(count >= 30, $"{count} messages");
    }

    private static string Placeholders(string text) =>
        string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
}
