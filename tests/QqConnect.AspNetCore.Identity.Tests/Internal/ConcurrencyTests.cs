using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Identity.Tests.Internal;

/// <summary>One QQ user, one account, under concurrent requests on a real database: the database's keys decide.</summary>
public abstract class ConcurrencyTests(DatabaseProvider provider) : AccountsTest(provider)
{
    [SkippableFact]
    public async Task ConcurrentFirstLogins_OfOneQqUserThroughBothApps_CreateExactlyOneAccount()
    {
        // Two tabs and a phone: "create a new account" sent several times each, at once, with different names.
        const int Requests = 8;
        using var start = new SemaphoreSlim(0);
        var creations = Enumerable.Range(0, Requests).Select(async i =>
        {
            await start.WaitAsync();
            var qq = Host.Login(i % 2 == 0 ? AccountsHost.Web : AccountsHost.Mobile, 0);
            return await InRequestAsync(services => Binder(services).CreateAccountAsync(qq, $"racer-{i}"));
        }).ToList();
        start.Release(Requests);
        var results = await Task.WhenAll(creations);

        Assert.All(results, result => Assert.NotNull(result.User));
        await using var db = Host.OpenDatabase();
        var user = await db.Users.SingleAsync();
        Assert.All(results, result => Assert.Equal(user.Id, result.User!.Id));
        Assert.Single(results, result => result.Created);
        Assert.All(await db.UserLogins.ToListAsync(), login => Assert.Equal(user.Id, login.UserId));
        Assert.Equal(user.Id, (await db.Set<QqUserProfile>().SingleAsync()).UserId);
    }

    [SkippableFact]
    public async Task ConcurrentLogins_OfABoundAccount_AllSaveTheirTokens()
    {
        // Several tabs finishing QQ登录 of one account at once: Identity stamps the account on each token write and
        // refuses a stale stamp; every save must still land, and the tokens left are one tab's whole set.
        const int Tabs = 6;
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        using var start = new SemaphoreSlim(0);
        var saves = Enumerable.Range(0, Tabs).Select(async tab =>
        {
            await start.WaitAsync();
            return await InRequestAsync(async services =>
            {
                var account = (await Users(services).FindByIdAsync(user.Id))!;
                await Profiles(services).SaveLoginAsync(account, Host.Login(AccountsHost.Web, 0),
                    [new AuthenticationToken { Name = "access_token", Value = $"A-{tab}" }, new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddDays(1).ToString("o") }]);
                return tab;
            });
        }).ToList();
        start.Release(Tabs);
        await Task.WhenAll(saves);

        var token = await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web));
        Assert.Matches("^A-[0-5]$", token);
    }

    [SkippableFact]
    public async Task Database_RefusesASecondAccountForOneOpenId_OrOneUnionId_WhateverTheCode()
    {
        var first = await CreateAsync(Host.Login(AccountsHost.Web, 0), "first");
        var second = await LocalAccountAsync("second");

        await using (var db = Host.OpenDatabase())
        {
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = second.Id, LoginProvider = AccountsHost.Web, ProviderKey = Host.Login(AccountsHost.Web, 0).OpenId });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = Host.OpenDatabase())
        {
            db.Set<QqUserProfile>().Add(new QqUserProfile { UserId = second.Id, UnionId = Host.Login(AccountsHost.Web, 0).UnionId, Nickname = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(first.Id, Assert.Single(await ProfileRowsAsync()).UserId);
    }

    [SkippableFact]
    public async Task DeletingTheAccount_DeletesItsQqProfile()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        await InRequestAsync(async services => (await Users(services).DeleteAsync((await Users(services).FindByIdAsync(user.Id))!)).Succeeded);

        Assert.Empty(await ProfileRowsAsync());
        Assert.Null(await InRequestAsync(services => Binder(services).FindAsync(Host.Login(AccountsHost.Mobile, 0))));
    }
}

/// <summary><see cref="ConcurrencyTests"/> on a SQLite file.</summary>
public sealed class ConcurrencyTestsSqlite() : ConcurrencyTests(DatabaseProvider.Sqlite);

/// <summary><see cref="ConcurrencyTests"/> on a real PostgreSQL server.</summary>
public sealed class ConcurrencyTestsPostgreSql() : ConcurrencyTests(DatabaseProvider.PostgreSql);
