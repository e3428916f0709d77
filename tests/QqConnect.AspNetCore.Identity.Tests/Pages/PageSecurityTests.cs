using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Identity.Pages;
using QqConnect.AspNetCore;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Pages;

/// <summary>What every page does whatever the user does: headers, antiforgery, the template's callback, start-up checks.</summary>
public sealed class PageSecurityTests : IAsyncLifetime
{
    private PagesSite _site = null!;

    public async Task InitializeAsync() => _site = await PagesSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task EveryPage_ForbidsFramingCachingSniffingAndReferrers()
    {
        using var browser = _site.NewBrowser();
        using var callback = await _site.QqLoginAsync(browser);
        using var bindPage = await browser.GetAsync("/qqconnect/bind");
        using var forged = await browser.PostAsync("/qqconnect/bind/create", "not-a-token", ("userName", "x"));
        foreach (var response in new[] { callback, bindPage, forged })
        {
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400_AndCreatesNothing()
    {
        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser))
        {
        }

        await browser.PageAsync("/qqconnect/bind"); // the antiforgery cookie is set; the form's token is not sent
        using var content = new FormUrlEncodedContent([new("userName", "forged")]);
        using var client = new HttpClient(new CookieJarHandler(browser.Cookies) { InnerHandler = _site.CreateHandler() }) { BaseAddress = PagesSite.BaseAddress };
        using var response = await client.PostAsync("/qqconnect/bind/create", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(TestBrowser.Text(await response.Content.ReadAsStringAsync(), "antiforgery"));
        Assert.Equal("anonymous", await _site.WhoAmIAsync(browser));
    }

    [Fact]
    public async Task TemplateExternalLoginCallback_LandsOnThePackagesCallback_WithTheReturnUrl()
    {
        using var browser = _site.NewBrowser();
        using var challenge = await browser.GetAsync("/template/external-login?returnUrl=%2Forders%3Fpage%3D2");
        using var afterQq = await browser.GetAsync(_site.Emulator.Authorize(challenge.Headers.Location!, 0).AbsoluteUri);
        Assert.Equal("/qqconnect/callback?returnUrl=%2Forders%3Fpage%3D2", afterQq.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Cancel_KeepsTheHandlersRemoteError_OnTheTemplatesPage()
    {
        using var browser = _site.NewBrowser();
        using var challenge = await browser.GetAsync("/template/external-login");
        using var denied = await browser.GetAsync(_site.Emulator.Authorize(challenge.Headers.Location!, 0, approve: false).AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var location = denied.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/ExternalLogin?handler=Callback", location, StringComparison.Ordinal);
        Assert.Contains("remoteError=", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2Fa", "/qqconnect/callback?returnUrl=%2Fa")]
    [InlineData("/Account/ExternalLogin?ReturnUrl=%2Fb&Action=LoginCallback", "/qqconnect/callback?returnUrl=%2Fb")]
    [InlineData("/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2F%2Fevil.example", "/qqconnect/callback")]
    // Encoded twice, return URLs that a proxy's decoding turns into //evil.example or /\evil.example: the first is
    // dropped (the callback goes to the default page), the second makes the whole URL not local (not rerouted; the
    // template's own page refuses it too).
    [InlineData("/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2F%252Fevil.example", "/qqconnect/callback")]
    [InlineData("/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2F%255Cevil.example", null)]
    [InlineData("/Identity/Account/Manage/ExternalLogins?handler=LinkLoginCallback", "/qqconnect/callback?returnUrl=%2FIdentity%2FAccount%2FManage%2FExternalLogins")]
    [InlineData("/Account/Manage/ExternalLogins?Action=LinkLoginCallback", "/qqconnect/callback?returnUrl=%2FAccount%2FManage%2FExternalLogins")]
    [InlineData("/Identity/Account/ExternalLogin?handler=Other", null)]
    [InlineData("/somewhere", null)]
    [InlineData("//evil.example/Identity/Account/ExternalLogin?handler=Callback", null)]
    public void TemplateCallbackRouting_RewritesOnlyTheTemplatesCallbacks(string returnUri, string? expected) =>
        Assert.Equal(expected, TemplateCallbackRouting.Rewrite(PathString.Empty, returnUri, "/qqconnect"));

    [Fact]
    public void TemplateCallbackRouting_KeepsThePathBase() =>
        Assert.Equal("/app/qqconnect/callback?returnUrl=%2Fapp%2F",
            TemplateCallbackRouting.Rewrite(new PathString("/app"), "/app/Identity/Account/ExternalLogin?handler=Callback&returnUrl=%2Fapp%2F", "/qqconnect"));

    [Theory]
    [InlineData("A\u202Eevil\u0007\u200Bname", "Aevilname")]
    [InlineData("企鹅🐧 \"Tester\"", "企鹅🐧 \"Tester\"")]
    [InlineData("line\u2028break", "linebreak")]
    [InlineData("👨\u200D👩", "👨\u200D👩")]
    public void Nickname_LosesControlAndFormatCharacters(string nickname, string shown) =>
        Assert.Equal($"<bdi id=\"n\">{WebUtility.HtmlEncode(shown)}</bdi>", Html.Nickname(nickname, "n"));

    [Fact]
    public void Nickname_IsEncodedAndIsolated() =>
        Assert.Equal("<bdi id=\"n\">&lt;script&gt;&amp;</bdi>", Html.Nickname("<script>&", "n"));

    [Theory]
    [InlineData("qqconnect")]
    [InlineData("/qqconnect/")]
    [InlineData("//qqconnect")]
    [InlineData("/")]
    public async Task BadPathPrefix_FailsAtStart(string prefix)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PagesSite.StartAsync(options => options.PathPrefix = prefix));
        Assert.Contains("PathPrefix", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLocalLoginPath_FailsAtStart() =>
        await Assert.ThrowsAsync<OptionsValidationException>(() => PagesSite.StartAsync(options => options.LoginPath = "https://evil.example/login"));

    [Fact]
    public void MapQqConnectAccounts_WithoutAddQqConnectAccounts_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Services.AddOptions();
        using var app = (IDisposable)builder.Build();
        var failure = Assert.Throws<InvalidOperationException>(() => ((WebApplication)app).MapQqConnectAccounts<IdentityUser>());
        Assert.Contains("AddQqConnectAccounts<IdentityUser, TContext>()", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnBindPage_TheCallbackGoesThere_AndThePackageMapsNone()
    {
        await using var site = await PagesSite.StartAsync(options => options.BindPagePath = "/my/bind");
        using var browser = site.NewBrowser();
        using var callback = await site.QqLoginAsync(browser);
        Assert.Equal("/my/bind?returnUrl=%2F", callback.Headers.Location!.OriginalString);
        using var packagePage = await browser.GetAsync("/qqconnect/bind");
        Assert.Equal(HttpStatusCode.NotFound, packagePage.StatusCode);
    }
}
