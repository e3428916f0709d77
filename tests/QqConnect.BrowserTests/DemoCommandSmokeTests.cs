namespace QqConnect.BrowserTests;

/// <summary>The README's "run the demo" command works with nothing configured. No browser needed.</summary>
public sealed class DemoCommandSmokeTests
{
    [Fact]
    public async Task DotnetRun_WithNothingConfigured_ServesHomePageInDemoMode()
    {
        await using var sample = await SampleProcess.StartWithDotnetRunAsync(TimeSpan.FromSeconds(45));
        using var http = new HttpClient();

        var home = await http.GetStringAsync(sample.BaseAddress);

        Assert.Contains("QQ登录", home, StringComparison.Ordinal);
        Assert.Contains("id=\"qq-login\"", home, StringComparison.Ordinal);
        Assert.Contains("DEMO MODE", sample.Output, StringComparison.Ordinal);
        Assert.Contains($"Open {sample.BaseAddress}", sample.Output, StringComparison.Ordinal);
    }
}
