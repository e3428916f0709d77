using System.Net;
using Microsoft.EntityFrameworkCore;
using QqConnect.Emulator;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>
/// Two instances of the site as separate processes on two ports, sharing one database file (accounts and Data
/// Protection keys) and the emulator server on loopback: a login started on one finishes on the other.
/// </summary>
public sealed class WebFarmTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task QqLoginStartedOnOneInstance_FinishesOnTheOther_AndBothSeeTheAccount()
    {
        await using var qq = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={_database.Path}",
            ["QqConnect__AppId"] = QqConnectEmulatorOptions.UnionIdAppId,
            ["QqConnect__AppKey"] = QqConnectEmulatorOptions.UnionIdAppKey,
            ["QqConnect__BaseAddress"] = qq.BaseAddress.AbsoluteUri,
            ["QqConnect__RequestUnionId"] = "true",
        };

        // One after the other: the first creates the database and the key ring, the second finds them.
        await using var a = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(30), SampleProcess.IdentitySample, settings);
        await using var b = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(30), SampleProcess.IdentitySample, settings);
        using var browser = new FarmBrowser(a.BaseAddress.Authority);

        // QQ登录 on A; QQ sends the browser back to the farm's address, and the balancer picks B.
        using var challenge = await browser.GetAsync(a.BaseAddress, "/qq/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var callback = qq.Emulator.Authorize(challenge.Headers.Location!, userIndex: 0);
        using var onB = await browser.GetAsync(b.BaseAddress, callback.PathAndQuery);
        Assert.True(onB.StatusCode == HttpStatusCode.Redirect, $"B: {(int)onB.StatusCode}\n{b.Output}");
        Assert.Equal("/qq/callback", onB.Headers.Location!.OriginalString);

        // The external cookie B wrote is read by A; the account created on B signs in on A.
        using var toBind = await browser.GetAsync(a.BaseAddress, "/qq/callback");
        Assert.Equal("/qq/bind", toBind.Headers.Location!.OriginalString);
        using var created = await browser.SubmitAsync(a.BaseAddress, "/qq/bind", "create-account", b.BaseAddress, ("userName", "farm-user"));
        Assert.Equal("/account", created.Headers.Location!.OriginalString);
        using var account = await browser.GetAsync(a.BaseAddress, "/account");
        var html = await account.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("farm-user", TestBrowser.Text(html, "user-name"));
        Assert.Equal("小明", TestBrowser.Text(html, "qq-nickname"));
        Assert.Equal(1, qq.Emulator.GetRequestCount("/oauth2.0/token"));
        await using var db = SiteFactory.OpenDatabase(_database.Path);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }
}
