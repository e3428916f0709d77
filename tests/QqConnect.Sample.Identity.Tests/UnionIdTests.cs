using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity;
using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>OpenID → UnionID: a site that turns RequestUnionId on later keeps its users; a second app of the same developer finds them.</summary>
public sealed class UnionIdTests : IDisposable
{
    private const string MobileAppId = "100000003";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TurningOnRequestUnionId_FindsTheOpenIdBinding_AndRecordsTheUnionIdOnIt()
    {
        var emulator = new QqConnectEmulator();
        await using (var before = SiteFactory.UnionIdApp(emulator, _database.Path, requestUnionId: false))
        {
            using var browser = before.NewBrowser();
            await Flows.QqLoginAndCreateAccountAsync(browser, emulator);
        }

        await using (var db = SiteFactory.OpenDatabase(_database.Path))
        {
            Assert.Equal(["QQ"], await db.UserLogins.Select(login => login.LoginProvider).ToListAsync());
        }

        await using var after = SiteFactory.UnionIdApp(emulator, _database.Path, requestUnionId: true);
        using var again = after.NewBrowser();
        using var callback = await Flows.QqLoginAsync(again, emulator);

        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        Assert.Equal("小明", TestBrowser.Text(await again.PageAsync("/account"), "user-name"));
        await using (var db = SiteFactory.OpenDatabase(_database.Path))
        {
            var user = await db.Users.SingleAsync();
            var profile = await db.Set<QqUserProfile>().SingleAsync();
            Assert.Equal(emulator.GetUnionId(QqConnectEmulatorOptions.UnionIdAppId, 0), profile.UnionId);
            Assert.Equal(user.Id, profile.UserId);
            Assert.Equal(["QQ"], await db.UserLogins.Select(login => login.LoginProvider).ToListAsync());
        }
    }

    [Fact]
    public async Task SecondAppOfTheSameDeveloper_LandsOnTheSameAccount_ViaTheUnionId()
    {
        var options = new QqConnectEmulatorOptions();
        options.Apps.Add(new EmulatorApp(MobileAppId, "emulator-mobile-app-key-0123456789", "localhost") { UnionIdGranted = true });
        var emulator = new QqConnectEmulator(options);
        Assert.NotEqual(emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0), emulator.GetOpenId(MobileAppId, 0));

        await using (var web = SiteFactory.UnionIdApp(emulator, _database.Path))
        {
            using var browser = web.NewBrowser();
            await Flows.QqLoginAndCreateAccountAsync(browser, emulator);
        }

        await using var mobile = new SiteFactory(emulator, _database.Path, MobileAppId, "emulator-mobile-app-key-0123456789", requestUnionId: true);
        using var onMobile = mobile.NewBrowser();
        using var callback = await Flows.QqLoginAsync(onMobile, emulator);

        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        Assert.Equal("小明", TestBrowser.Text(await onMobile.PageAsync("/account"), "user-name"));
        await using var db = SiteFactory.OpenDatabase(_database.Path);
        var user = await db.Users.SingleAsync();
        var logins = await db.UserLogins.Where(login => login.UserId == user.Id).Select(login => login.ProviderKey).ToListAsync();
        Assert.Equal(2, logins.Count);
        Assert.Contains(emulator.GetOpenId(QqConnectEmulatorOptions.UnionIdAppId, 0), logins);
        Assert.Contains(emulator.GetOpenId(MobileAppId, 0), logins);
        Assert.Equal(emulator.GetUnionId(MobileAppId, 0), (await db.Set<QqUserProfile>().SingleAsync()).UnionId);

        // Another user of the mobile app is not that account.
        using var someoneElse = mobile.NewBrowser();
        using var unbound = await Flows.QqLoginAsync(someoneElse, emulator, userIndex: 1);
        Assert.Equal("/qq/bind", unbound.Headers.Location!.OriginalString);
    }
}
