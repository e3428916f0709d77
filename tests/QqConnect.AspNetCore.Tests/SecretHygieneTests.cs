using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>The app key, codes and tokens never reach the logs of the handler, the client or ASP.NET Core's authentication.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task LoginRefreshAndFailures_LogNoSecret()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(
            options => options.SaveTokens = true,
            configureServices: (services, _, _) => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        using var browser = site.NewBrowser();
        var secrets = new List<string> { QqConnectEmulatorOptions.DefaultAppKey };

        // A login, a refresh, a reused code (100020) and a denial.
        var first = await LoginSteps.ChallengeAsync(browser);
        var second = await LoginSteps.ChallengeAsync(browser);
        var callback = site.Emulator.Authorize(first);
        (await LoginSteps.CallbackAsync(browser, callback)).Dispose();
        secrets.Add(LoginSteps.Query(callback, "code")!);
        secrets.AddRange(await TokensAsync(browser));
        (await browser.GetAsync("/refresh")).Dispose();
        secrets.AddRange(await TokensAsync(browser));
        (await browser.GetAsync($"/signin-qq?code={LoginSteps.Query(callback, "code")}&state={LoginSteps.Query(second, "state")}")).Dispose();
        (await LoginSteps.LoginAsync(browser, site.Emulator, approve: false)).Response.Dispose();

        var watched = logs.Entries.Where(line =>
            line.Category.StartsWith("QqConnect.", StringComparison.Ordinal)
            || line.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal)
            || line.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(watched);
        Assert.Contains(watched, line => line.Text.Contains("100020", StringComparison.Ordinal));
        Assert.Equal(6, secrets.Distinct().Count());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(watched, line => line.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task<string[]> TokensAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync("/tokens");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [lines[0].Split('=', 2)[1], lines[1].Split('=', 2)[1]];
    }
}
