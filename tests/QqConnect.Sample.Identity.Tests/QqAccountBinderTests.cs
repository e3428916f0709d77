using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Sample.Identity.Binding;
using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>The binder on its own, with the site's services and a SQLite file.</summary>
public sealed class QqAccountBinderTests : SiteTest
{
    [Fact]
    public async Task Find_UnionIdAndOpenIdOnDifferentAccounts_TakesTheUnionIdsAccount_AndMovesNothing()
    {
        using var scope = Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var binder = scope.ServiceProvider.GetRequiredService<QqAccountBinder<IdentityUser, AppDbContext>>();
        var byOpenId = new IdentityUser("by-openid");
        var byUnionId = new IdentityUser("by-unionid");
        await users.CreateAsync(byOpenId);
        await users.CreateAsync(byUnionId);
        await users.AddLoginAsync(byOpenId, new UserLoginInfo("QQ", "OPENID-A", "QQ"));
        await users.AddLoginAsync(byUnionId, new UserLoginInfo(QqAccountBinder<IdentityUser, AppDbContext>.UnionIdLoginProvider, "UNION-1", "QQ UnionID"));

        var found = await binder.FindAsync(new QqIdentity("QQ", "OPENID-A", "UNION-1", "小明", null));

        Assert.Equal(byUnionId.Id, found!.Id);
        await using var db = Site.OpenDatabase();
        Assert.Equal(byOpenId.Id, (await db.UserLogins.SingleAsync(login => login.ProviderKey == "OPENID-A")).UserId);
        Assert.Equal(2, await db.UserLogins.CountAsync());
    }

    [Fact]
    public async Task Bind_SamePersonFromAnotherApp_CompletesTheBinding_AnotherPersonIsRefused()
    {
        using var scope = Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var binder = scope.ServiceProvider.GetRequiredService<QqAccountBinder<IdentityUser, AppDbContext>>();
        var user = new IdentityUser("owner");
        await users.CreateAsync(user);
        Assert.Equal(QqBindResult.Bound, await binder.BindQqAsync(user, new QqIdentity("QQ", "OPENID-WEB", "UNION-1", "小明", null)));

        Assert.Equal(QqBindResult.AlreadyBound, await binder.BindQqAsync(user, new QqIdentity("QQ", "OPENID-WEB", "UNION-1", "小明", null)));
        Assert.Equal(QqBindResult.Bound, await binder.BindQqAsync(user, new QqIdentity("QQ", "OPENID-MOBILE", "UNION-1", "小明", null)));
        Assert.Equal(QqBindResult.AccountHasAnotherQq, await binder.BindQqAsync(user, new QqIdentity("QQ", "OPENID-OTHER", "UNION-2", "小红", null)));
        Assert.Equal(QqBindResult.AccountHasAnotherQq, await binder.BindQqAsync(user, new QqIdentity("QQ", "OPENID-OTHER", null, "小红", null)));

        await using var db = Site.OpenDatabase();
        Assert.Equal(["OPENID-MOBILE", "OPENID-WEB", "UNION-1"], await db.UserLogins.Select(login => login.ProviderKey).OrderBy(key => key).ToListAsync());
    }

    [Fact]
    public async Task BindAndUnbind_WithACopyOfTheUserMadeStaleByAnotherRequest_StillWork()
    {
        // The account page's copy of the user was loaded before another request (a second tab) stamped the user row:
        // Identity refuses the stale copy, and the binder's retry must not reuse it.
        string userId;
        using (var setup = Site.Services.CreateScope())
        {
            var owner = new IdentityUser("two-tabs");
            var setupUsers = setup.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await setupUsers.CreateAsync(owner, "a password 1")).Succeeded);
            userId = owner.Id;
        }

        foreach (var step in new[] { "bind", "unbind" })
        {
            using var scope = Site.Services.CreateScope();
            var binder = scope.ServiceProvider.GetRequiredService<QqAccountBinder<IdentityUser, AppDbContext>>();
            var stale = await StaleCopyAsync(scope, userId);

            if (step == "bind")
            {
                Assert.Equal(QqBindResult.Bound, await binder.BindQqAsync(stale, new QqIdentity("QQ", "OPENID-TABS", "UNION-TABS", "小明", null)));
            }
            else
            {
                Assert.Equal(QqUnbindResult.Unbound, await binder.UnbindAsync(stale, "QQ"));
            }
        }

        await using var db = Site.OpenDatabase();
        Assert.Equal(0, await db.UserLogins.CountAsync());
    }
}
