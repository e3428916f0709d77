namespace QqConnect.BrowserTests;

/// <summary>
/// The README's "run the demo" command (the account-binding sample) works with nothing configured: the database
/// file comes from the committed migrations, QQ from the built-in emulator. No browser needed.
/// </summary>
public sealed class DemoCommandSmokeTests
{
    [Fact]
    public async Task DotnetRun_WithNothingConfigured_ServesHomePageInDemoMode()
    {
        await using var sample = await SampleProcess.StartWithDotnetRunAsync(TimeSpan.FromSeconds(45), SampleProcess.IdentitySample);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var home = await http.GetStringAsync(sample.BaseAddress);
        using var login = await http.GetAsync(new Uri(sample.BaseAddress, "/qq/login"));

        Assert.Contains("QQ登录", home, StringComparison.Ordinal);
        Assert.Contains("id=\"qq-login\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"register\"", home, StringComparison.Ordinal);
        Assert.Contains("DEMO MODE", sample.Output, StringComparison.Ordinal);
        Assert.Contains($"Open {sample.BaseAddress}", sample.Output, StringComparison.Ordinal);
        // QQ登录 goes to the emulator the site serves itself (dotnet run: Development, from Properties/launchSettings.json).
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(sample.BaseAddress.Authority, login.Headers.Location!.Authority);
        Assert.Equal("/qqconnect-emulator/oauth2.0/authorize", login.Headers.Location.AbsolutePath);
        using var page = await http.GetAsync(login.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
