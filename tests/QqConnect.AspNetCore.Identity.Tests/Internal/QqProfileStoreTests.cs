using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;
using QqConnect.Client;

namespace QqConnect.AspNetCore.Identity.Tests.Internal;

/// <summary>The QQ profile and tokens of bound accounts, with real tokens from the emulator.</summary>
public abstract class QqProfileStoreTests(DatabaseProvider provider) : AccountsTest(provider)
{
    private async Task<(IdentityUser User, QqAccessToken Token)> BoundWithTokensAsync()
    {
        var qq = Host.Login(AccountsHost.Web, 0, nickname: "旧昵称");
        var user = await CreateAsync(qq, "小明");
        var token = await Host.TokensAsync(AccountsHost.Web, 0);
        await InRequestAsync(async services =>
        {
            await Profiles(services).SaveLoginAsync((await Users(services).FindByIdAsync(user.Id))!, qq, Tokens(token));
            return true;
        });
        return (user, token);
    }

    private static List<AuthenticationToken> Tokens(QqAccessToken token) =>
    [
        new() { Name = "access_token", Value = token.AccessToken },
        new() { Name = "refresh_token", Value = token.RefreshToken! },
        new() { Name = "expires_at", Value = token.ExpiresAt.ToString("o") },
        new() { Name = "token_type", Value = "bearer" },
    ];

    private async Task<Dictionary<string, string?>> StoredTokensAsync()
    {
        await using var db = Host.OpenDatabase();
        return await db.UserTokens.AsNoTracking().ToDictionaryAsync(token => token.Name, token => token.Value);
    }

    [SkippableFact]
    public async Task SaveLogin_KeepsTheTokensProtectedAtRest_AndGivesTheAccessTokenBack()
    {
        var (user, token) = await BoundWithTokensAsync();

        var stored = await StoredTokensAsync();
        var accessToken = await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web));

        Assert.Equal(["access_token", "expires_at", "refresh_token"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(stored.Values, value => value!.Contains(token.AccessToken, StringComparison.Ordinal) || value.Contains(token.RefreshToken!, StringComparison.Ordinal));
        Assert.Equal(token.AccessToken, accessToken);
    }

    [SkippableFact]
    public async Task GetAccessToken_Expired_RefreshesAtQq_AndSavesItsNewSingleUseRefreshToken()
    {
        var (user, token) = await BoundWithTokensAsync();
        var before = await StoredTokensAsync();
        Host.Time.SetUtcNow(token.ExpiresAt.AddMinutes(5));

        var renewed = await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web));

        Assert.NotEqual(token.AccessToken, renewed);
        var after = await StoredTokensAsync();
        Assert.NotEqual(before["refresh_token"], after["refresh_token"]);
        Assert.Equal(0, Emulator.RefreshTokenReplays);
        // The saved pair is the new one: asking again uses no refresh token.
        Assert.Equal(renewed, await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));
    }

    [SkippableFact]
    public async Task GetAccessToken_ExpiredAndAskedByManyRequestsAtOnce_RefreshesOnce_WithoutSendingTheRefreshTokenTwice()
    {
        // Twenty requests (tabs, servers) find the access token expired at the same moment. The refresh lock is in
        // the database, so this holds across processes as it does here.
        const int Requests = 20;
        var (user, token) = await BoundWithTokensAsync();
        Host.Time.SetUtcNow(token.ExpiresAt.AddMinutes(5));
        var refreshesBefore = Emulator.GetRequestCount("/oauth2.0/token");

        using var start = new SemaphoreSlim(0);
        var asks = Enumerable.Range(0, Requests).Select(async _ =>
        {
            await start.WaitAsync();
            return await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web));
        }).ToList();
        start.Release(Requests);
        var tokens = await Task.WhenAll(asks);

        Assert.Equal(0, Emulator.RefreshTokenReplays);
        Assert.Equal(1, Emulator.GetRequestCount("/oauth2.0/token") - refreshesBefore);
        Assert.True(tokens.Distinct().Count() == 1 && tokens[0] != token.AccessToken, $"old {token.AccessToken}, got {string.Join(", ", tokens)}");
        Assert.Equal(tokens[0], await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));
    }

    [SkippableFact]
    public async Task GetAccessToken_ExpiredWithACopyOfTheUserMadeStaleByAnotherRequest_StillSavesQqsNewRefreshToken()
    {
        var (user, token) = await BoundWithTokensAsync();
        var before = await StoredTokensAsync();
        Host.Time.SetUtcNow(token.ExpiresAt.AddMinutes(5));

        var renewed = await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync(await StaleCopyAsync(services, user.Id), AccountsHost.Web));

        Assert.NotEqual(before["refresh_token"], (await StoredTokensAsync())["refresh_token"]);
        Assert.Equal(renewed, await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));
    }

    [SkippableFact]
    public async Task GetAccessToken_RefreshTokenUsedUpElsewhere_SaysLogInWithQqAgain()
    {
        var (user, token) = await BoundWithTokensAsync();
        var client = (Host.Services.GetService(typeof(IQqConnectSchemeClientFactory)) as IQqConnectSchemeClientFactory)!.CreateClient(AccountsHost.Web);
        await client.RefreshAsync(token.RefreshToken!);
        Host.Time.SetUtcNow(token.ExpiresAt.AddMinutes(5));

        var refused = await Assert.ThrowsAsync<QqLoginRequiredException>(async () =>
            await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));

        Assert.IsType<QqConnectApiException>(refused.InnerException);
        Assert.DoesNotContain(token.RefreshToken!, refused.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAccessToken_TokensSavedUnderOtherDataProtectionKeys_SaysLogInWithQqAgain()
    {
        var (user, _) = await BoundWithTokensAsync();
        var otherKeys = Path.Combine(Path.GetTempPath(), $"qqconnect-accounts-keys-{Guid.NewGuid():N}");
        using var otherSite = new AccountsHost(Database, Emulator, otherKeys);
        try
        {
            await using var scope = otherSite.Scope();
            var users = scope.ServiceProvider.GetService(typeof(UserManager<IdentityUser>)) as UserManager<IdentityUser>;
            var store = scope.ServiceProvider.GetService(typeof(IQqProfileStore<IdentityUser>)) as IQqProfileStore<IdentityUser>;

            await Assert.ThrowsAsync<QqLoginRequiredException>(async () => await store!.GetAccessTokenAsync((await users!.FindByIdAsync(user.Id))!, AccountsHost.Web));
        }
        finally
        {
            Directory.Delete(otherKeys, recursive: true);
        }
    }

    [SkippableFact]
    public async Task GetAccessToken_NothingSaved_SaysLogInWithQqAgain()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        await Assert.ThrowsAsync<QqLoginRequiredException>(async () =>
            await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));
    }

    [SkippableFact]
    public async Task RefreshProfile_ReadsTheNicknameFromQqAgain()
    {
        var (user, _) = await BoundWithTokensAsync();
        Assert.Equal("旧昵称", (await InRequestAsync(async services => await Profiles(services).GetProfileAsync((await Users(services).FindByIdAsync(user.Id))!)))!.Nickname);

        var profile = await InRequestAsync(async services => await Profiles(services).RefreshProfileAsync((await Users(services).FindByIdAsync(user.Id))!));

        Assert.Equal(Emulator.Users[0].Nickname, profile.Nickname);
        Assert.Equal(Emulator.Users[0].Nickname, Assert.Single(await ProfileRowsAsync()).Nickname);
    }

    [SkippableFact]
    public async Task SaveLogin_WithACopyOfTheUserMadeStaleByAnotherRequest_StillSavesTheProfileAndTokens()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        await InRequestAsync(async services =>
        {
            await Profiles(services).SaveLoginAsync(await StaleCopyAsync(services, user.Id), Host.Login(AccountsHost.Web, 0, "新昵称"),
                [new AuthenticationToken { Name = "access_token", Value = "THIS-TAB" }, new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddDays(1).ToString("o") }]);
            return true;
        });

        Assert.Equal("新昵称", Assert.Single(await ProfileRowsAsync()).Nickname);
        Assert.Equal("THIS-TAB", await InRequestAsync(async services => await Profiles(services).GetAccessTokenAsync((await Users(services).FindByIdAsync(user.Id))!, AccountsHost.Web)));
    }

    [SkippableFact]
    public async Task SaveLogin_HostileProfile_IsCutToTheColumns()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        await InRequestAsync(async services =>
        {
            await Profiles(services).SaveLoginAsync((await Users(services).FindByIdAsync(user.Id))!,
                Host.Login(AccountsHost.Web, 0, new string('长', 5000)) with { AvatarUrl = "https://q.qlogo.cn/" + new string('a', 5000) }, []);
            return true;
        });

        var row = Assert.Single(await ProfileRowsAsync());
        Assert.Equal(QqUserProfile.MaxNicknameLength, row.Nickname.Length);
        Assert.Null(row.AvatarUrl);
    }
}

/// <summary><see cref="QqProfileStoreTests"/> on a SQLite file.</summary>
public sealed class QqProfileStoreTestsSqlite() : QqProfileStoreTests(DatabaseProvider.Sqlite);

/// <summary><see cref="QqProfileStoreTests"/> on a real PostgreSQL server.</summary>
public sealed class QqProfileStoreTestsPostgreSql() : QqProfileStoreTests(DatabaseProvider.PostgreSql);
