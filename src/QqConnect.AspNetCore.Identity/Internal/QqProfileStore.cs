using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary><see cref="IQqProfileStore{TUser}"/> on the package's profile rows and Identity's AspNetUserTokens.</summary>
internal sealed class QqProfileStore<TUser, TContext>(
    UserManager<TUser> users, TContext db, IQqConnectSchemeClientFactory clients, QqSchemes schemes, IDataProtectionProvider protection, TimeProvider time)
    : IQqProfileStore<TUser>
    where TUser : class
    where TContext : DbContext
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";

    // An access token this close to its expiry is renewed first: a call made with it could arrive after it.
    private static readonly TimeSpan ExpirySlack = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector(QqConnectAccountsDefaults.TokenProtectionPurpose);

    public async Task SaveLoginAsync(TUser user, QqLogin qq, IEnumerable<AuthenticationToken> tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(qq);
        ArgumentNullException.ThrowIfNull(tokens);
        var saved = tokens.Where(token => token.Name is AccessTokenName or RefreshTokenName or ExpiresAtName && !string.IsNullOrEmpty(token.Value))
            .Select(token => (token.Name, token.Value)).ToList();
        await LostRaces.RunAsync(db, users, user, async current =>
        {
            var userId = await users.GetUserIdAsync(current!).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var profile = await ProfileRows.EnsureAsync(db, userId, qq, now, cancellationToken).ConfigureAwait(false);
            ProfileRows.Display(profile, qq, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await SetTokensAsync(current!, qq.LoginProvider, saved).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
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

        if (saved.RefreshToken is not { } refreshToken)
        {
            throw new QqLoginRequiredException("No usable QQ token is saved for this account: log in with QQ again.");
        }

        QqAccessToken token;
        try
        {
            token = await clients.CreateClient(loginProvider).RefreshAsync(refreshToken, cancellationToken).ConfigureAwait(false);
        }
        catch (QqConnectApiException refused)
        {
            // QQ's refresh tokens are single-use: a concurrent request (another tab, another node) may have used it
            // and saved the new pair meanwhile. Its access token is as good as ours would have been.
            db.ChangeTracker.Clear();
            var fresh = await users.FindByIdAsync(await users.GetUserIdAsync(user).ConfigureAwait(false)).ConfigureAwait(false);
            var now = fresh is null ? default : await ReadTokensAsync(fresh, loginProvider).ConfigureAwait(false);
            if (now.AccessToken is { } renewed && now.RefreshToken != refreshToken && !Expired(now.ExpiresAt))
            {
                return renewed;
            }

            throw new QqLoginRequiredException("QQ refused the saved refresh token: log in with QQ again.", refused);
        }

        var pair = new List<(string Name, string Value)> { (AccessTokenName, token.AccessToken) };
        if (!string.IsNullOrEmpty(token.RefreshToken))
        {
            pair.Add((RefreshTokenName, token.RefreshToken));
        }

        pair.Add((ExpiresAtName, token.ExpiresAt.ToString("o", CultureInfo.InvariantCulture)));
        await LostRaces.RunAsync(db, users, user, async current =>
        {
            await SetTokensAsync(current!, loginProvider, pair).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return token.AccessToken;
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

    private async Task<SavedTokens> ReadTokensAsync(TUser user, string loginProvider)
    {
        var access = Unprotect(await users.GetAuthenticationTokenAsync(user, loginProvider, AccessTokenName).ConfigureAwait(false));
        var refresh = Unprotect(await users.GetAuthenticationTokenAsync(user, loginProvider, RefreshTokenName).ConfigureAwait(false));
        var expires = Unprotect(await users.GetAuthenticationTokenAsync(user, loginProvider, ExpiresAtName).ConfigureAwait(false));
        DateTimeOffset? expiresAt = DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        return new SavedTokens(access, refresh, expiresAt);
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
    private async Task SetTokensAsync(TUser user, string loginProvider, IEnumerable<(string Name, string Value)> tokens)
    {
        foreach (var (name, value) in tokens)
        {
            LostRaces.Check(await users.SetAuthenticationTokenAsync(user, loginProvider, name, _protector.Protect(value)).ConfigureAwait(false));
        }
    }

    private readonly record struct SavedTokens(string? AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
    {
        public bool Any => AccessToken is not null || RefreshToken is not null;
    }
}
