using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Sample.Identity.Binding;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>The profile store on its own, with the site's services and a SQLite file.</summary>
public sealed class QqProfileStoreTests : SiteTest
{
    [Fact]
    public async Task Save_WithACopyOfTheUserMadeStaleByAnotherRequest_StillSavesTheProfileAndTokens()
    {
        // Two tabs signing in to the same account: the other one wrote the user row (Identity stamps it on every
        // token write) after this request loaded it. Identity refuses the stale copy with a result, not an exception.
        string userId;
        using (var setup = Site.Services.CreateScope())
        {
            var user = new IdentityUser("two-tabs");
            await setup.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(user);
            userId = user.Id;
        }

        using var scope = Site.Services.CreateScope();
        var stale = await StaleCopyAsync(scope, userId);

        var info = new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "小明")], "QQ")), "QQ", "OPENID-1", "QQ")
        {
            AuthenticationTokens = [new AuthenticationToken { Name = "access_token", Value = "THIS-TAB" }, new AuthenticationToken { Name = "refresh_token", Value = "THIS-TAB-R" }],
        };
        await scope.ServiceProvider.GetRequiredService<QqProfileStore>().SaveAsync(stale, QqIdentity.From(info), info);

        await using var db = Site.OpenDatabase();
        var tokens = await db.UserTokens.Where(token => token.UserId == userId).ToDictionaryAsync(token => token.Name, token => token.Value);
        Assert.Equal("THIS-TAB", tokens["access_token"]);
        Assert.Equal("THIS-TAB-R", tokens["refresh_token"]);
        Assert.Equal("小明", (await db.QqProfiles.SingleAsync(profile => profile.UserId == userId)).Nickname);
    }

    [Fact]
    public async Task Refresh_WithACopyOfTheUserMadeStaleByAnotherRequest_KeepsQqsNewSingleUseRefreshToken()
    {
        var userId = await QqAccountAsync();
        string oldRefreshToken;
        await using (var db = Site.OpenDatabase())
        {
            (await db.UserTokens.SingleAsync(token => token.Name == "expires_at")).Value = DateTimeOffset.UtcNow.AddHours(-1).ToString("o");
            oldRefreshToken = (await db.UserTokens.SingleAsync(token => token.Name == "refresh_token")).Value!;
            await db.SaveChangesAsync();
        }

        using var scope = Site.Services.CreateScope();
        var stale = await StaleCopyAsync(scope, userId);

        await scope.ServiceProvider.GetRequiredService<QqProfileStore>().RefreshAsync(stale, "QQ");

        await using (var db = Site.OpenDatabase())
        {
            var newRefreshToken = (await db.UserTokens.SingleAsync(token => token.Name == "refresh_token")).Value;
            Assert.NotEqual(oldRefreshToken, newRefreshToken);
            Assert.True(DateTimeOffset.Parse((await db.UserTokens.SingleAsync(token => token.Name == "expires_at")).Value!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Delete_WithACopyOfTheUserMadeStaleByAnotherRequest_RemovesTheProfileAndTheQqTokens()
    {
        var userId = await QqAccountAsync();
        await using (var db = Site.OpenDatabase())
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "Other", Name = "access_token", Value = "KEEP" });
            await db.SaveChangesAsync();
        }

        using var scope = Site.Services.CreateScope();
        var stale = await StaleCopyAsync(scope, userId);

        await scope.ServiceProvider.GetRequiredService<QqProfileStore>().DeleteAsync(stale, "QQ");

        await using (var db = Site.OpenDatabase())
        {
            Assert.Equal(0, await db.QqProfiles.CountAsync());
            Assert.Equal("Other", (await db.UserTokens.SingleAsync()).LoginProvider);
        }
    }
}
