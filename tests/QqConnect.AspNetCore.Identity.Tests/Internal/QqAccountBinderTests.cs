using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Identity.Tests.Internal;

/// <summary>Binding QQ users to accounts: by OpenID and UnionID, across two apps of one developer.</summary>
public abstract class QqAccountBinderTests(DatabaseProvider provider) : AccountsTest(provider)
{
    [SkippableFact]
    public async Task Create_NewQqUser_MakesAnAccountWithoutEmailOrPassword_BoundByOpenIdAndUnionId()
    {
        var qq = Host.Login(AccountsHost.Web, 0);

        var user = await CreateAsync(qq, "小明");

        await InRequestAsync(async services =>
        {
            var stored = (await Users(services).FindByIdAsync(user.Id))!;
            Assert.Equal("小明", stored.UserName);
            Assert.Null(stored.Email);
            Assert.False(await Users(services).HasPasswordAsync(stored));
            Assert.Equal(user.Id, (await Binder(services).FindAsync(qq))!.Id);
            return true;
        });
        Assert.Equal([(user.Id, AccountsHost.Web, qq.OpenId)], await LoginRowsAsync());
        var profile = Assert.Single(await ProfileRowsAsync());
        Assert.Equal((user.Id, qq.UnionId, qq.Nickname), (profile.UserId, profile.UnionId, profile.Nickname));
    }

    [SkippableFact]
    public async Task Find_SamePersonThroughTheOtherApp_FindsTheAccountByUnionId_AndLinksThatAppsOpenId()
    {
        var web = Host.Login(AccountsHost.Web, 0);
        var mobile = Host.Login(AccountsHost.Mobile, 0);
        Assert.NotEqual(web.OpenId, mobile.OpenId);
        Assert.Equal(web.UnionId, mobile.UnionId);
        var user = await CreateAsync(web, "小明");

        var found = await InRequestAsync(services => Binder(services).FindAsync(mobile));

        Assert.Equal(user.Id, found!.Id);
        Assert.Equal([(user.Id, AccountsHost.Web, web.OpenId), (user.Id, AccountsHost.Mobile, mobile.OpenId)], await LoginRowsAsync());
    }

    [SkippableFact]
    public async Task Find_OpenIdOnlyBinding_LearnsItsUnionId_SoTheOtherAppFindsItLater()
    {
        // A site that turns on RequestUnionId later keeps its users.
        var withoutUnionId = Host.Login(AccountsHost.Web, 0) with { UnionId = null };
        var user = await CreateAsync(withoutUnionId, "小明");
        Assert.Null(Assert.Single(await ProfileRowsAsync()).UnionId);

        await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Web, 0)));
        var byMobile = await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));

        Assert.Equal(Host.Login(AccountsHost.Web, 0).UnionId, Assert.Single(await ProfileRowsAsync()).UnionId);
        Assert.Equal(user.Id, byMobile!.Id);
    }

    [SkippableFact]
    public async Task Find_UnionIdAndOpenIdOnDifferentAccounts_TakesTheUnionIdsAccount_AndMovesNothing()
    {
        var web = Host.Login(AccountsHost.Web, 0);
        var byUnionId = await CreateAsync(web, "by-unionid");
        var byOpenId = await CreateAsync(Host.Login(AccountsHost.Mobile, 0) with { UnionId = null }, "by-openid");
        var rows = await LoginRowsAsync();

        var found = await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));

        Assert.Equal(byUnionId.Id, found!.Id);
        Assert.Equal(rows, await LoginRowsAsync());
        Assert.Contains((byOpenId.Id, AccountsHost.Mobile, Host.Login(AccountsHost.Mobile, 0).OpenId), rows);
    }

    [SkippableFact]
    public async Task Find_UnknownQqUser_FindsNothing_AndWritesNothing()
    {
        await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        Assert.Null(await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Web, 1))));

        Assert.Single(await LoginRowsAsync());
        Assert.Single(await ProfileRowsAsync());
    }

    [SkippableFact]
    public async Task Bind_SamePersonFromAnotherApp_CompletesTheBinding_AnotherPersonIsRefused()
    {
        var user = await LocalAccountAsync("owner");
        Task<QqBindResult> Bind(QqLogin qq) => InRequestAsync(async services => await Binder(services).BindQqAsync((await Users(services).FindByIdAsync(user.Id))!, qq));

        Assert.Equal(QqBindResult.Bound, await Bind(Host.Login(AccountsHost.Web, 0)));
        Assert.Equal(QqBindResult.AlreadyBound, await Bind(Host.Login(AccountsHost.Web, 0)));
        Assert.Equal(QqBindResult.Bound, await Bind(Host.Login(AccountsHost.Mobile, 0)));
        Assert.Equal(QqBindResult.AccountHasAnotherQq, await Bind(Host.Login(AccountsHost.Web, 1)));
        Assert.Equal(QqBindResult.AccountHasAnotherQq, await Bind(Host.Login(AccountsHost.Web, 1) with { UnionId = null }));

        Assert.Equal(2, (await LoginRowsAsync()).Count);
        Assert.Equal(Host.Login(AccountsHost.Web, 0).UnionId, Assert.Single(await ProfileRowsAsync()).UnionId);
    }

    [SkippableFact]
    public async Task Bind_QqBoundToAnotherAccount_IsRefused_ByOpenIdAndByUnionId()
    {
        await CreateAsync(Host.Login(AccountsHost.Web, 0), "first");
        var second = await LocalAccountAsync("second");
        var rows = await LoginRowsAsync();

        var sameApp = await InRequestAsync(async services => await Binder(services).BindQqAsync((await Users(services).FindByIdAsync(second.Id))!, Host.Login(AccountsHost.Web, 0)));
        var otherApp = await InRequestAsync(async services => await Binder(services).BindQqAsync((await Users(services).FindByIdAsync(second.Id))!, Host.Login(AccountsHost.Mobile, 0)));

        Assert.Equal(QqBindResult.BoundToAnotherAccount, sameApp);
        Assert.Equal(QqBindResult.BoundToAnotherAccount, otherApp);
        Assert.Equal(rows, await LoginRowsAsync());
    }

    [SkippableFact]
    public async Task Unbind_AccountBoundThroughBothApps_RemovesEveryQqLogin_AndNeitherAppBindsItAgain()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));
        await InRequestAsync(async services => (await Users(services).AddPasswordAsync((await Users(services).FindByIdAsync(user.Id))!, "A-password-1")).Succeeded);

        var result = await InRequestAsync(async services => await Binder(services).UnbindQqAsync((await Users(services).FindByIdAsync(user.Id))!));

        Assert.Equal(QqUnbindResult.Unbound, result);
        Assert.Empty(await LoginRowsAsync());
        Assert.Empty(await ProfileRowsAsync());
        Assert.Null(await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0))));
        Assert.Null(await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Web, 0))));
        Assert.Empty(await LoginRowsAsync());
    }

    [SkippableFact]
    public async Task Unbind_QqIsTheOnlyWayToSignIn_IsRefused_AndStatusSaysSo()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        var status = await InRequestAsync(async services => await Binder(services).GetStatusAsync((await Users(services).FindByIdAsync(user.Id))!));
        var result = await InRequestAsync(async services => await Binder(services).UnbindQqAsync((await Users(services).FindByIdAsync(user.Id))!));

        Assert.True(status.IsBound);
        Assert.False(status.CanUnbind);
        Assert.Equal(QqUnbindResult.OnlyWayToSignIn, result);
        Assert.Single(await LoginRowsAsync());
        Assert.Single(await ProfileRowsAsync());
    }

    [SkippableFact]
    public async Task Unbind_DeletesTheQqTokens_AndKeepsOtherProvidersTokens()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(async services =>
        {
            var account = (await Users(services).FindByIdAsync(user.Id))!;
            await Profiles(services).SaveLoginAsync(account, Host.Login(AccountsHost.Web, 0), [new() { Name = "access_token", Value = "QQ-TOKEN" }]);
            account = (await Users(services).FindByIdAsync(user.Id))!;
            Assert.True((await Users(services).SetAuthenticationTokenAsync(account, "Other", "access_token", "KEEP")).Succeeded);
            Assert.True((await Users(services).AddPasswordAsync(account, "A-password-1")).Succeeded);
            return true;
        });

        await InRequestAsync(async services => await Binder(services).UnbindQqAsync((await Users(services).FindByIdAsync(user.Id))!));

        await using var db = Host.OpenDatabase();
        Assert.Equal("Other", (await db.UserTokens.SingleAsync()).LoginProvider);
    }

    [SkippableFact]
    public async Task Find_AfterTheUserRemovedOneAppsLoginOnIdentitysPage_DoesNotLinkItAgainThroughTheUnionId()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));
        // Identity UI's Manage → External logins → Remove, for the mobile app only.
        Assert.True(await InRequestAsync(async services => (await Users(services).RemoveLoginAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Mobile, Host.Login(AccountsHost.Mobile, 0).OpenId)).Succeeded));

        var found = await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));

        Assert.Null(found);
        Assert.Equal([(user.Id, AccountsHost.Web, Host.Login(AccountsHost.Web, 0).OpenId)], await LoginRowsAsync());
        // Binding it again on purpose works.
        Assert.Equal(QqBindResult.Bound, await InRequestAsync(async services => await Binder(services).BindQqAsync((await Users(services).FindByIdAsync(user.Id))!, Host.Login(AccountsHost.Mobile, 0))));
    }

    [SkippableFact]
    public async Task Create_AfterTheUserRemovedThatAppsLoginFromTheirAccount_MakesANewAccountWithoutTheUnionId()
    {
        var first = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));
        Assert.True(await InRequestAsync(async services => (await Users(services).RemoveLoginAsync((await Users(services).FindByIdAsync(first.Id))!, AccountsHost.Mobile, Host.Login(AccountsHost.Mobile, 0).OpenId)).Succeeded));

        var second = await InRequestAsync(services => Binder(services).CreateAccountAsync(Host.Login(AccountsHost.Mobile, 0), "小明手机"));

        Assert.True(second.Created, string.Join("; ", second.Errors.Select(error => error.Code)));
        Assert.NotEqual(first.Id, second.User!.Id);
        var profiles = await ProfileRowsAsync();
        Assert.Equal(Host.Login(AccountsHost.Web, 0).UnionId, profiles.Single(profile => profile.UserId == first.Id).UnionId);
        Assert.Null(profiles.Single(profile => profile.UserId == second.User.Id).UnionId);
    }

    [SkippableFact]
    public async Task Find_AnotherAppUnderTheSameSchemeName_IsLinkedThroughTheUnionId()
    {
        // A site moved to a new QQ app id (or two sites share one database) with the one scheme name QQ: the new app's
        // OpenID is another login row of that scheme, not a removed one.
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        var otherApp = Host.Login(AccountsHost.Mobile, 0) with { LoginProvider = AccountsHost.Web };

        var found = await InRequestAsync(services => Binder(services).FindAsync(otherApp));

        Assert.Equal(user.Id, found!.Id);
        Assert.Equal(2, (await LoginRowsAsync()).Count(row => row.LoginProvider == AccountsHost.Web && row.UserId == user.Id));
    }

    [SkippableFact]
    public async Task Find_UnionIdOfAnAccountWithNoQqLoginLeft_IsStale_AndBindsNothing()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(async services =>
        {
            var account = (await Users(services).FindByIdAsync(user.Id))!;
            Assert.True((await Users(services).AddPasswordAsync(account, "A-password-1")).Succeeded);
            Assert.True((await Users(services).RemoveLoginAsync(account, AccountsHost.Web, Host.Login(AccountsHost.Web, 0).OpenId)).Succeeded);
            return true;
        });

        var found = await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0)));

        Assert.Null(found);
        Assert.Empty(await LoginRowsAsync());
        Assert.Empty(await ProfileRowsAsync());
        // The QQ user can now make an account of their own with the UnionID.
        var own = await CreateAsync(Host.Login(AccountsHost.Mobile, 0), "新账号");
        Assert.Equal(own.Id, Assert.Single(await ProfileRowsAsync()).UserId);
    }

    [SkippableFact]
    public async Task Create_QqBoundMeanwhile_ReturnsTheBoundAccount_AndCreatesNone()
    {
        var first = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        var second = await InRequestAsync(services => Binder(services).CreateAccountAsync(Host.Login(AccountsHost.Mobile, 0), "小明2"));

        Assert.False(second.Created);
        Assert.Equal(first.Id, second.User!.Id);
        await using var db = Host.OpenDatabase();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [SkippableFact]
    public async Task Create_TakenUserName_ReturnsIdentitysDuplicateError_AndBindsNothing()
    {
        await LocalAccountAsync("小明");

        var creation = await InRequestAsync(services => Binder(services).CreateAccountAsync(Host.Login(AccountsHost.Web, 0), "小明"));

        Assert.Null(creation.User);
        Assert.Equal("DuplicateUserName", Assert.Single(creation.Errors).Code);
        Assert.Empty(await LoginRowsAsync());
        Assert.Empty(await ProfileRowsAsync());
    }

    [SkippableFact]
    public async Task BindAndUnbind_WithACopyOfTheUserMadeStaleByAnotherRequest_StillWork()
    {
        var user = await LocalAccountAsync("two-tabs");

        var bound = await InRequestAsync(async services => await Binder(services).BindQqAsync(await StaleCopyAsync(services, user.Id), Host.Login(AccountsHost.Web, 0)));
        var unbound = await InRequestAsync(async services => await Binder(services).UnbindQqAsync(await StaleCopyAsync(services, user.Id)));

        Assert.Equal(QqBindResult.Bound, bound);
        Assert.Equal(QqUnbindResult.Unbound, unbound);
        Assert.Empty(await LoginRowsAsync());
    }

    [SkippableFact]
    public async Task SuggestUserName_TakenNames_CountsUp_AndEmojiOnlyNicknamesGetTheFallback()
    {
        await LocalAccountAsync("小明");
        await LocalAccountAsync("小明2");

        Assert.Equal("小明3", await InRequestAsync(services => Binder(services).SuggestUserNameAsync("小明")));
        Assert.Equal("qq用户", await InRequestAsync(services => Binder(services).SuggestUserNameAsync("🐧🐧")));
    }
}

/// <summary><see cref="QqAccountBinderTests"/> on a SQLite file.</summary>
public sealed class QqAccountBinderTestsSqlite() : QqAccountBinderTests(DatabaseProvider.Sqlite);

/// <summary><see cref="QqAccountBinderTests"/> on a real PostgreSQL server.</summary>
public sealed class QqAccountBinderTestsPostgreSql() : QqAccountBinderTests(DatabaseProvider.PostgreSql);
