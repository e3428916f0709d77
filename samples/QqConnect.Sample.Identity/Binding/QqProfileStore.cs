using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore;
using QqConnect.Client;
using QqConnect.Sample.Identity.Data;

namespace QqConnect.Sample.Identity.Binding;

/// <summary>
/// The QQ side of an account beyond the binding: the profile shown on the account page and the QQ tokens saved at
/// login (Identity's AspNetUserTokens, LoginProvider = the QQ scheme), used to read the profile again later.
/// </summary>
/// <param name="db">The site's database.</param>
/// <param name="users">Identity's user manager.</param>
/// <param name="clients">The client of each QQ scheme (its own, or the registration its <c>ClientName</c> names).</param>
/// <param name="time">The clock.</param>
public sealed class QqProfileStore(AppDbContext db, UserManager<IdentityUser> users, IQqConnectSchemeClientFactory clients, TimeProvider time)
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";

    // Each lost race means another request wrote and went on, so a handful of attempts covers many at once.
    private const int MaxWriteAttempts = 10;

    /// <summary>The profile of the account's QQ, or <see langword="null"/>.</summary>
    /// <param name="user">The account.</param>
    /// <returns>The profile.</returns>
    public Task<QqProfile?> GetAsync(IdentityUser user) =>
        db.QqProfiles.AsNoTracking().SingleOrDefaultAsync(profile => profile.UserId == user.Id);

    /// <summary>Records the QQ profile and tokens of a login or bind (the bound-at time is kept across logins).</summary>
    /// <param name="user">The account the QQ is bound to.</param>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="info">The external login, with the tokens the handler saved (<c>SaveTokens</c>).</param>
    /// <returns>A task.</returns>
    public async Task SaveAsync(IdentityUser user, QqIdentity qq, ExternalLoginInfo info)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(qq);
        ArgumentNullException.ThrowIfNull(info);
        var current = await RetryLostRaceAsync(user, _ => SaveProfileOnceAsync(user.Id, qq));
        await SetTokensAsync(current, qq.LoginProvider, (info.AuthenticationTokens ?? []).Select(token => (token.Name, token.Value)));
    }

    private async Task SaveProfileOnceAsync(string userId, QqIdentity qq)
    {
        var now = time.GetUtcNow();
        var profile = await db.QqProfiles.SingleOrDefaultAsync(p => p.UserId == userId);
        if (profile is null)
        {
            profile = new QqProfile { UserId = userId, OpenId = qq.OpenId, Nickname = qq.Nickname, BoundAt = now };
            db.QqProfiles.Add(profile);
        }

        profile.OpenId = qq.OpenId;
        profile.UnionId = qq.UnionId ?? profile.UnionId;
        profile.Nickname = qq.Nickname;
        profile.AvatarUrl = qq.AvatarUrl;
        profile.UpdatedAt = now;
        await db.SaveChangesAsync();
    }

    // Identity stamps the user row on every token write and reports a stale stamp (ConcurrencyFailure) as a result,
    // not an exception, keeping nothing: a refused write is a lost race like the database's refusals, and is retried.
    // Lost, QQ's single-use refresh token would be gone with it.
    private Task<IdentityUser> SetTokensAsync(IdentityUser user, string loginProvider, IEnumerable<(string Name, string Value)> tokens) =>
        RetryLostRaceAsync(user, async current =>
        {
            foreach (var (name, value) in tokens)
            {
                var saved = await users.SetAuthenticationTokenAsync(current, loginProvider, name, value);
                if (!saved.Succeeded)
                {
                    throw new DbUpdateException("Identity refused the token write: " + string.Join("; ", saved.Errors.Select(error => error.Code)));
                }
            }
        });

    /// <summary>
    /// Runs <paramref name="write"/> until no concurrent request beats it: another request signing in to the same
    /// account at the same moment (two tabs, a double click) may insert the same profile or token row first, or change
    /// the user row. Each lost race forgets what was tracked and goes again on a fresh copy of the user (the stale one
    /// would clash with the copy Identity's checks load). Returns the copy the write succeeded with.
    /// </summary>
    private async Task<IdentityUser> RetryLostRaceAsync(IdentityUser user, Func<IdentityUser, Task> write)
    {
        var current = user;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(current);
                return current;
            }
            catch (DbUpdateException) when (attempt < MaxWriteAttempts)
            {
                db.ChangeTracker.Clear();
                current = await users.FindByIdAsync(user.Id)
                    ?? throw new InvalidOperationException("The account was deleted while signing in.");
            }
        }
    }

    /// <summary>Forgets the account's QQ profile and tokens (after unbinding).</summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme.</param>
    /// <returns>A task.</returns>
    public async Task DeleteAsync(IdentityUser user, string loginProvider)
    {
        // Straight DELETEs: Identity's RemoveAuthenticationTokenAsync stamps the user row once per token and, like its
        // writes, keeps nothing when another request stamped it first (a result, not an exception).
        await db.QqProfiles.Where(profile => profile.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserTokens.Where(token => token.UserId == user.Id && token.LoginProvider == loginProvider).ExecuteDeleteAsync();
    }

    /// <summary>
    /// Reads the nickname and avatar from QQ again with the saved access token (<c>GetUserInfoAsync</c>); an expired
    /// access token is first renewed with the saved refresh token (<c>RefreshAsync</c>; QQ's refresh tokens are
    /// single-use, so the new pair is saved at once).
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme.</param>
    /// <param name="cancellationToken">Cancels the calls to QQ.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="InvalidOperationException">No QQ is bound, or no token was saved: log in with QQ again.</exception>
    /// <exception cref="QqConnectException">QQ refused (say, 100021: the refresh token is used up; log in with QQ again).</exception>
    public async Task<QqProfile> RefreshAsync(IdentityUser user, string loginProvider, CancellationToken cancellationToken = default)
    {
        var profile = await db.QqProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken)
            ?? throw new InvalidOperationException("No QQ is bound to this account.");
        var client = clients.CreateClient(loginProvider);

        var accessToken = await users.GetAuthenticationTokenAsync(user, loginProvider, AccessTokenName);
        var expiresAt = await users.GetAuthenticationTokenAsync(user, loginProvider, ExpiresAtName);
        var expired = !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            || expiry <= time.GetUtcNow().AddMinutes(1);
        if (string.IsNullOrEmpty(accessToken) || expired)
        {
            var refreshToken = await users.GetAuthenticationTokenAsync(user, loginProvider, RefreshTokenName);
            if (string.IsNullOrEmpty(refreshToken))
            {
                throw new InvalidOperationException("No QQ refresh token is saved for this account: log in with QQ again.");
            }

            var token = await client.RefreshAsync(refreshToken, cancellationToken);
            var renewed = new List<(string Name, string Value)> { (AccessTokenName, token.AccessToken) };
            if (token.RefreshToken is not null)
            {
                renewed.Add((RefreshTokenName, token.RefreshToken));
            }

            renewed.Add((ExpiresAtName, token.ExpiresAt.ToString("o", CultureInfo.InvariantCulture)));
            await SetTokensAsync(user, loginProvider, renewed);
            accessToken = token.AccessToken;
        }

        var info = await client.GetUserInfoAsync(accessToken, profile.OpenId, cancellationToken);
        profile.Nickname = info.Nickname;
        profile.AvatarUrl = info.AvatarUrl;
        profile.UpdatedAt = time.GetUtcNow();
        db.QqProfiles.Update(profile); // tracked again if a lost race above cleared the context
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }
}
