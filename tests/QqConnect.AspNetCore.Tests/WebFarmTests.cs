using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>Nothing is kept in server memory: a login started on one server finishes on another that shares the Data Protection keys.</summary>
public sealed class WebFarmTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("qqconnect-keys-");

    public void Dispose() => _keys.Delete(recursive: true);

    private Task<TestSite> StartServerAsync(QqConnectEmulator emulator, DirectoryInfo keys) => TestSite.StartAsync(
        emulator: emulator,
        configureServices: (services, _, _) => services.AddDataProtection().PersistKeysToFileSystem(keys).SetApplicationName("farm"));

    [Fact]
    public async Task LoginStartedOnOneServer_FinishesOnAnotherWithTheSameKeys()
    {
        var emulator = new QqConnectEmulator();
        await using var first = await StartServerAsync(emulator, _keys);
        await using var second = await StartServerAsync(emulator, _keys);
        using var onFirst = first.NewBrowser();
        var authorize = await LoginSteps.ChallengeAsync(onFirst);
        var callback = emulator.Authorize(authorize);

        // The same browser (its cookies) talks to the second server.
        using var onSecond = new TestBrowser(second.Server.CreateHandler(), TestSite.BaseAddress);
        onSecond.Cookies.Add(onFirst.Cookies.GetAllCookies());
        using var response = await LoginSteps.CallbackAsync(onSecond, callback);
        var claims = await LoginSteps.ClaimsAsync(onSecond);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, 0), Assert.Single(claims[ClaimTypes.NameIdentifier]));
        Assert.Empty(second.Failures);
    }

    [Fact]
    public async Task LoginStartedOnAServerWithOtherKeys_FailsWithoutExchangingTheCode()
    {
        var emulator = new QqConnectEmulator();
        var otherKeys = Directory.CreateTempSubdirectory("qqconnect-keys-");
        try
        {
            await using var first = await StartServerAsync(emulator, _keys);
            await using var second = await StartServerAsync(emulator, otherKeys);
            using var onFirst = first.NewBrowser();
            var callback = emulator.Authorize(await LoginSteps.ChallengeAsync(onFirst));

            using var onSecond = new TestBrowser(second.Server.CreateHandler(), TestSite.BaseAddress);
            onSecond.Cookies.Add(onFirst.Cookies.GetAllCookies());
            using var response = await LoginSteps.CallbackAsync(onSecond, callback);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("could not be read", Assert.Single(second.Failures).Message, StringComparison.Ordinal);
            Assert.Equal(0, emulator.GetRequestCount("/oauth2.0/token"));
        }
        finally
        {
            otherKeys.Delete(recursive: true);
        }
    }
}
