using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>After a login the browser only ever goes back to a URL of this site, whatever the caller passed.</summary>
public sealed class ReturnUrlTests
{
    public static TheoryData<string> NotLocal => new()
    {
        "https://evil.example/",
        "http://localhost/me",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "https:evil.example",
        " /me",
        "\t/me",
        "/\t/evil.example",
        "/\r\n/evil.example",
        "/me\r\nSet-Cookie: x=1",
        "/\0/evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "evil.example",
        "me",
        "~/me",
        "/%2F%2Fevil.example",
        "/%2f/evil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
        "/%09/evil.example",
        "/a\\b",
    };

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task Login_WithANonLocalReturnUrl_EndsAtTheRoot(string returnUrl)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/me", "/me")]
    [InlineData("/", "/")]
    [InlineData("/me?tab=1&x=%2F", "/me?tab=1&x=%2F")]
    [InlineData("/me#top", "/me#top")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/订单/42", "/%E8%AE%A2%E5%8D%95/42")]
    [InlineData("/orders?q=订单", "/orders?q=%E8%AE%A2%E5%8D%95")]
    [InlineData("/me/%2F", "/me/%2F")]
    public async Task Login_WithALocalReturnUrl_EndsThereEncoded(string returnUrl, string expected)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NonLocalReturnUrl_IsLoggedOnceWithoutItsQuery()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(configureServices: (services, _, _) =>
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/login?returnUrl=" + Uri.EscapeDataString("https://evil.example/x?secret=s3cr3t"));

        var warnings = logs.Entries.Where(l => l.Text.Contains("not local", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.Contains("https://evil.example/x", warnings[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", string.Join("\n", logs.Entries.Where(l => l.Category.StartsWith("QqConnect", StringComparison.Ordinal)).Select(l => l.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTicketReceivedPointingAway_EndsAtTheRoot()
    {
        await using var site = await TestSite.StartAsync(options => options.Events.OnTicketReceived = context =>
        {
            context.ReturnUri = "https://evil.example/";
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task OnCreatingTicketPointingAway_EndsAtTheRoot()
    {
        await using var site = await TestSite.StartAsync(options => options.Events.OnCreatingTicket = context =>
        {
            context.Properties.RedirectUri = "//evil.example";
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OnTicketReceivedWithANonAsciiLocalUrl_IsEncoded()
    {
        await using var site = await TestSite.StartAsync(options => options.Events.OnTicketReceived = context =>
        {
            context.ReturnUri = "/订单";
            return Task.CompletedTask;
        });
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator);

        Assert.Equal("/%E8%AE%A2%E5%8D%95", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ChallengeWithoutRedirectUri_FromADoubleSlashPath_EndsAtTheRoot()
    {
        await using var site = await TestSite.StartAsync(configureApp: app =>
            app.MapGet("/{**rest}", (HttpContext http) => Results.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(), ["QQ"])));
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "https://localhost//evil.example/x");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ChallengeWithoutRedirectUri_ReturnsToTheRequestedPathAndQuery()
    {
        await using var site = await TestSite.StartAsync(configureApp: app =>
            app.MapGet("/orders/{id}", (HttpContext http) => Results.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(), ["QQ"])));
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, site.Emulator, loginPath: "/orders/42?tab=1");

        Assert.Equal("/orders/42?tab=1", response.Headers.Location!.OriginalString);
    }
}
