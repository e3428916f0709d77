using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>The site refuses a half-configured QQ app at start-up instead of falling back to demo mode.</summary>
public sealed class StartUpTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AppIdWithoutAppKey_StopsTheSite_NamingBothSettings()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SampleProcess.StartBuiltAsync(
            TimeSpan.FromSeconds(30),
            SampleProcess.IdentitySample,
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = $"Data Source={_database.Path}",
                ["QqConnect__AppId"] = "101234567",
            }));

        Assert.Contains("exited with code 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("QqConnect:AppId and QqConnect:AppKey", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO MODE", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingConfigured_OutsideDevelopment_StopsTheSite_NamingTheEnvironment()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SampleProcess.StartBuiltAsync(
            TimeSpan.FromSeconds(30),
            SampleProcess.IdentitySample,
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = $"Data Source={_database.Path}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            }));

        Assert.Contains("exited with code 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("demo mode (the built-in QQ Connect emulator) runs only in the Development environment, and this is 'Production'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO MODE", failure.Message, StringComparison.Ordinal);
    }
}
