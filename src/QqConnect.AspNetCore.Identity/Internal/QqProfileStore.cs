using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QqConnect.AspNetCore.Internal;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary><see cref="IQqProfileStore{TUser}"/> on the package's profile rows and Identity's AspNetUserTokens.</summary>
internal sealed class QqProfileStore<TUser, TContext>(
    UserManager<TUser> users, TContext db, IQqConnectSchemeClientFactory clients, QqSchemes schemes, IDataProtectionProvider protection, TimeProvider time)
    : IQqProfileStore<TUser>
    where TUser : class
    where TContext : DbContext
{
    // An access token this close to its expiry is renewed first: a call made with it could arrive after it.
    private static readonly TimeSpan ExpirySlack = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector(QqConnectAccountsDefaults.TokenProtectionPurpose);

    public async Task SaveLoginAsync(TUser user, QqLogin qq, IEnumerable<AuthenticationToken> tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(qq);
        ArgumentNullException.ThrowIfNull(tokens);
        var saved = tokens.Where(token => token.Name is TokenNames.AccessToken or TokenNames.RefreshToken or TokenNames.ExpiresAt && !string.IsNullOrEmpty(token.Value))
            .ToList();
        await LostRaces.RunAsync(db, users, user, async current =>
        {
            var userId = await users.GetUserIdAsync(current!).ConfigureAwait(false);

            // Saves of one account's logins (tabs finishing QQ登录 at once) and its token refreshes take turns under
            // the refresh lock, each on the account as stored when its turn comes: Identity stamps the account on
            // every token write, and a copy read before another save committed would be refused. Without the lock,
            // a database that isolates transactions by read committed (PostgreSQL, SQL Server) would refuse all but
            // one save of each round, more rounds than the retries allow.
            var account = current!;
            if (await LockProfileAsync(userId, cancellationToken).ConfigureAwait(false))
            {
                account = await StoredAsync(account, userId, cancellationToken).ConfigureAwait(false);
            }

            var now = time.GetUtcNow();
            var profile = await ProfileRows.EnsureAsync(db, userId, qq, now, cancellationToken).ConfigureAwait(false);
            ProfileRows.Display(profile, qq, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await SetTokensAsync(account, qq.LoginProvider, saved).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The refresh lock of the account: an UPDATE of its profile row that changes nothing, which the database holds
    /// until the transaction ends (PostgreSQL and SQL Server lock that row; SQLite takes its write lock). False when
    /// the account has no profile row (nothing to lock).
    /// </summary>
    private async Task<bool> LockProfileAsync(string userId, CancellationToken cancellationToken)
    {
        // Written as SQL from the model's own names (EF Core's ExecuteUpdate does not compile under NativeAOT): the
        // table and columns come from MapQqConnectAccounts, quoted by the provider; the account id is a parameter.
        var entity = db.Model.FindEntityType(typeof(QqUserProfile))
            ?? throw new InvalidOperationException("The DbContext does not map QqUserProfile: call builder.MapQqConnectAccounts<TUser>() in OnModelCreating.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var updatedAt = Column(nameof(QqUserProfile.UpdatedAt));
        var command = "UPDATE " + sql.DelimitIdentifier(table.Name, table.Schema) + " SET " + updatedAt + " = " + updatedAt
            + " WHERE " + Column(nameof(QqUserProfile.UserId)) + " = {0}";
        return await db.Database.ExecuteSqlRawAsync(command, [userId], cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// The account as stored now: the caller's copy reloaded when this context tracks it (so that the caller's copy
    /// stays current), otherwise read again.
    /// </summary>
    private async Task<TUser> StoredAsync(TUser user, string userId, CancellationToken cancellationToken)
    {
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            await entry.ReloadAsync(cancellationToken).ConfigureAwait(false);
            return user;
        }

        return await users.FindByIdAsync(userId).ConfigureAwait(false) ?? throw new InvalidOperationException("The account was deleted meanwhile.");
    }

    public async Task<QqProfile?> GetProfileAsync(TUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = await users.GetUserIdAsync(user).ConfigureAwait(false);
        var row = await db.Set<QqUserProfile>().AsNoTracking()
            .SingleOrDefaultAsync(profile => profile.UserId == userId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ProfileRows.View(row);
    }

    public async Task<string> GetAccessTokenAsync(TUser user, string loginProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(loginProvider);
        var saved = await ReadTokensAsync(user, loginProvider).ConfigureAwait(false);
        if (saved.AccessToken is { } valid && !Expired(saved.ExpiresAt))
        {
            return valid;
        }

        if (saved.RefreshToken is null)
        {
            throw new QqLoginRequiredException("No usable QQ token is saved for this account: log in with QQ again.");
        }

        var userId = await users.GetUserIdAsync(user).ConfigureAwait(false);
        QqAccessToken? renewed = null;
        try
        {
            return await InRefreshLockAsync(userId, async () =>
            {
                // Under the lock, the tokens as stored now: another request or server may have refreshed them while
                // this one waited, and its pair is the valid one (its refresh token is the only live one).
                var current = await users.FindByIdAsync(userId).ConfigureAwait(false)
                    ?? throw new QqLoginRequiredException("The account was deleted meanwhile.");
                var now = await ReadTokensAsync(current, loginProvider).ConfigureAwait(false);
                if (now.AccessToken is { } refreshedMeanwhile && !Expired(now.ExpiresAt))
                {
                    return refreshedMeanwhile;
                }

                if (now.RefreshToken is not { } refreshToken)
                {
                    throw new QqLoginRequiredException("No usable QQ token is saved for this account: log in with QQ again.");
                }

                try
                {
                    renewed = await clients.CreateClient(loginProvider).RefreshAsync(refreshToken, cancellationToken).ConfigureAwait(false);
                }
                catch (QqConnectApiException refused)
                {
                    throw new QqLoginRequiredException("QQ refused the saved refresh token: log in with QQ again.", refused);
                }

                await SetTokensAsync(current, loginProvider, TokenNames.From(renewed)).ConfigureAwait(false);
                return renewed.AccessToken;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (renewed is not null)
        {
            // QQ answered, but the write lost a race on the account row (another request changed it meanwhile): QQ's
            // new refresh token is the only live one and must not be lost, so it is written again on a fresh copy.
            db.ChangeTracker.Clear();
            var pair = TokenNames.From(renewed);
            await LostRaces.RunAsync(db, users, user, async fresh =>
            {
                await SetTokensAsync(fresh!, loginProvider, pair).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return renewed.AccessToken;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the account's refresh lock, which the database keeps for every server:
    /// an UPDATE of the account's profile row that changes nothing, first in its transaction (PostgreSQL and SQL
    /// Server lock that row; SQLite takes its write lock). A second refresh of the account, here or on another
    /// server, waits for the first to commit, then finds its tokens: QQ's single-use refresh token is sent once.
    /// </summary>
    private async Task<string> InRefreshLockAsync(string userId, Func<Task<string>> work, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (!await LockProfileAsync(userId, cancellationToken).ConfigureAwait(false))
            {
                throw new QqLoginRequiredException("No QQ is bound to this account.");
            }

            // What was read before the lock may be stale: Identity's token lookups answer from tracked rows first.
            db.ChangeTracker.Clear();
            var result = await work().ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    public async Task<QqProfile> RefreshProfileAsync(TUser user, string? loginProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var qq = await schemes.NamesAsync().ConfigureAwait(false);
        var logins = (await users.GetLoginsAsync(user).ConfigureAwait(false))
            .Where(login => loginProvider is null ? qq.Contains(login.LoginProvider) : login.LoginProvider == loginProvider)
            .ToList();
        UserLoginInfo? chosen = null;
        foreach (var login in logins)
        {
            if ((await ReadTokensAsync(user, login.LoginProvider).ConfigureAwait(false)).Any)
            {
                chosen = login;
                break;
            }
        }

        chosen ??= logins.FirstOrDefault() ?? throw new QqLoginRequiredException("No QQ is bound to this account.");
        var accessToken = await GetAccessTokenAsync(user, chosen.LoginProvider, cancellationToken).ConfigureAwait(false);
        var info = await clients.CreateClient(chosen.LoginProvider).GetUserInfoAsync(accessToken, chosen.ProviderKey, cancellationToken).ConfigureAwait(false);

        var userId = await users.GetUserIdAsync(user).ConfigureAwait(false);
        var profile = await LostRaces.RunAsync<TUser, QqUserProfile>(db, users, null, async _ =>
        {
            var row = await ProfileRows.FindAsync(db, userId, cancellationToken).ConfigureAwait(false)
                ?? throw new QqLoginRequiredException("No QQ is bound to this account.");
            ProfileRows.Display(row, info.Nickname, info.AvatarUrl, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row;
        }, cancellationToken).ConfigureAwait(false);
        return ProfileRows.View(profile);
    }

    private bool Expired(DateTimeOffset? expiresAt) => expiresAt is not { } at || at <= time.GetUtcNow().Add(ExpirySlack);

    // One query for the three rows: read one by one, a refresh committing in between could pair the old access token
    // with the new expiry.
    private async Task<SavedTokens> ReadTokensAsync(TUser user, string loginProvider)
    {
        var userId = await users.GetUserIdAsync(user).ConfigureAwait(false);
        var rows = await db.Set<IdentityUserToken<string>>().AsNoTracking()
            .Where(token => token.UserId == userId && token.LoginProvider == loginProvider
                && (token.Name == TokenNames.AccessToken || token.Name == TokenNames.RefreshToken || token.Name == TokenNames.ExpiresAt))
            .ToListAsync().ConfigureAwait(false);
        string? Value(string name) => Unprotect(rows.FirstOrDefault(row => row.Name == name)?.Value);
        DateTimeOffset? expiresAt = DateTimeOffset.TryParse(Value(TokenNames.ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        return new SavedTokens(Value(TokenNames.AccessToken), Value(TokenNames.RefreshToken), expiresAt);
    }

    // A value the current key ring cannot read (keys lost or rotated out, a row written elsewhere) is no token.
    private string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    // Identity stamps the account on every token write and reports a stale stamp (ConcurrencyFailure) as a result,
    // keeping nothing: that is a lost race, rolled back and retried by the caller's LostRaces.RunAsync. Lost, QQ's
    // single-use refresh token would be gone with it.
    private async Task SetTokensAsync(TUser user, string loginProvider, IEnumerable<AuthenticationToken> tokens)
    {
        foreach (var token in tokens)
        {
            LostRaces.Check(await users.SetAuthenticationTokenAsync(user, loginProvider, token.Name, _protector.Protect(token.Value)).ConfigureAwait(false));
        }
    }

    private readonly record struct SavedTokens(string? AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
    {
        public bool Any => AccessToken is not null || RefreshToken is not null;
    }
}
