using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// <see cref="IQqAccountBinder{TUser}"/> on Identity's login rows (one per QQ scheme and OpenID, AspNetUserLogins,
/// whose primary key refuses a second account for one OpenID) and the package's profile rows (whose unique UnionID
/// refuses a second account for one UnionID).
/// </summary>
internal sealed class QqAccountBinder<TUser, TContext>(
    UserManager<TUser> users, IUserStore<TUser> store, TContext db, QqSchemes schemes, UserNameRules names, TimeProvider time)
    : IQqAccountBinder<TUser>
    where TUser : class, new()
    where TContext : DbContext
{
    public Task<TUser?> FindAsync(QqLogin qq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(qq);
        return LostRaces.RunAsync<TUser, TUser?>(db, users, null, _ => FindCoreAsync(qq, cancellationToken), cancellationToken);
    }

    public Task<QqBindResult> BindQqAsync(TUser user, QqLogin qq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(qq);
        return LostRaces.RunAsync(db, users, user, current => BindCoreAsync(current!, qq, cancellationToken), cancellationToken);
    }

    public async Task<QqAccountCreation<TUser>> CreateAccountAsync(QqLogin qq, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(qq);
        ArgumentNullException.ThrowIfNull(userName);
        try
        {
            return await LostRaces.RunAsync<TUser, QqAccountCreation<TUser>>(db, users, null, async _ =>
            {
                if (await FindCoreAsync(qq, cancellationToken).ConfigureAwait(false) is { } bound)
                {
                    return new QqAccountCreation<TUser>(bound, Created: false, []);
                }

                // Found nothing, yet the UnionID may be held: by the account the user removed this app's login from
                // (see FindCoreAsync). The new account then goes without the UnionID instead of claiming it.
                var heldElsewhere = qq.UnionId is not null
                    && await ProfileRows.FindByUnionIdAsync(db, qq.UnionId, cancellationToken).ConfigureAwait(false) is not null;
                var user = new TUser();
                await store.SetUserNameAsync(user, userName, cancellationToken).ConfigureAwait(false);
                var created = await users.CreateAsync(user).ConfigureAwait(false);
                if (!created.Succeeded)
                {
                    return new QqAccountCreation<TUser>(null, Created: false, created.Errors.ToList());
                }

                await LinkAsync(user, qq, cancellationToken, claimUnionId: !heldElsewhere).ConfigureAwait(false);
                return new QqAccountCreation<TUser>(user, Created: true, []);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Every attempt lost: the user name was taken between Identity's check and the insert (its unique index
            // refused ours), or the QQ is bound now to the account a concurrent request made.
            db.ChangeTracker.Clear();
            return await FindAsync(qq, cancellationToken).ConfigureAwait(false) is { } bound
                ? new QqAccountCreation<TUser>(bound, Created: false, [])
                : new QqAccountCreation<TUser>(null, Created: false, [users.ErrorDescriber.DuplicateUserName(userName)]);
        }
    }

    public Task<string> SuggestUserNameAsync(string? nickname, CancellationToken cancellationToken = default) =>
        names.SuggestAsync(users, nickname, cancellationToken);

    public Task<QqUnbindResult> UnbindQqAsync(TUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return LostRaces.RunAsync(db, users, user, async current =>
        {
            var account = current!;
            var userId = await users.GetUserIdAsync(account).ConfigureAwait(false);
            var profile = await ProfileRows.FindAsync(db, userId, cancellationToken).ConfigureAwait(false);
            var logins = await users.GetLoginsAsync(account).ConfigureAwait(false);
            var qqLogins = await QqLoginsAsync(logins, profile).ConfigureAwait(false);
            if (qqLogins.Count == 0 && profile is null)
            {
                return QqUnbindResult.NotBound;
            }

            if (qqLogins.Count == logins.Count && qqLogins.Count > 0 && !await users.HasPasswordAsync(account).ConfigureAwait(false))
            {
                return QqUnbindResult.OnlyWayToSignIn;
            }

            foreach (var login in qqLogins)
            {
                LostRaces.Check(await users.RemoveLoginAsync(account, login.LoginProvider, login.ProviderKey).ConfigureAwait(false));
            }

            if (profile is not null)
            {
                db.Remove(profile);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            // Straight DELETEs: Identity's RemoveAuthenticationTokenAsync stamps the account once per token.
            var providers = qqLogins.Select(login => login.LoginProvider).Distinct().ToList();
            await db.Set<IdentityUserToken<string>>()
                .Where(token => token.UserId == userId && providers.Contains(token.LoginProvider))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return QqUnbindResult.Unbound;
        }, cancellationToken);
    }

    public async Task<QqAccountStatus> GetStatusAsync(TUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await ProfileRows.FindAsync(db, await users.GetUserIdAsync(user).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var logins = await users.GetLoginsAsync(user).ConfigureAwait(false);
        var qqLogins = await QqLoginsAsync(logins, profile).ConfigureAwait(false);
        var canUnbind = qqLogins.Count > 0 && (qqLogins.Count < logins.Count || await users.HasPasswordAsync(user).ConfigureAwait(false));
        return new QqAccountStatus(qqLogins, qqLogins.Count > 0 && profile is not null ? ProfileRows.View(profile) : null, canUnbind);
    }

    /// <summary>The logins of QQ schemes: those the site has now, and any other the profile lists as linked.</summary>
    private async Task<List<UserLoginInfo>> QqLoginsAsync(IList<UserLoginInfo> logins, QqUserProfile? profile)
    {
        var qq = await schemes.NamesAsync().ConfigureAwait(false);
        return logins.Where(login => qq.Contains(login.LoginProvider) || (profile is not null && ProfileRows.HasLinked(profile, login.LoginProvider))).ToList();
    }

    private async Task<TUser?> FindCoreAsync(QqLogin qq, CancellationToken cancellationToken)
    {
        var byOpenId = await users.FindByLoginAsync(qq.LoginProvider, qq.OpenId).ConfigureAwait(false);
        var byUnionId = await UnionIdOwnerAsync(qq, cancellationToken).ConfigureAwait(false);
        if (byUnionId is var (owner, profile))
        {
            // UnionID first. An OpenID bound to another account (bound before the UnionID was asked for, while the
            // same person made a second account through another app) stays where it is: moving a login is the user's
            // call. A scheme the user removed from this account is not linked again behind their back.
            if (byOpenId is null)
            {
                if (await RemovedByTheUserAsync(owner, profile, qq.LoginProvider).ConfigureAwait(false))
                {
                    return null;
                }

                await LinkAsync(owner, qq, cancellationToken).ConfigureAwait(false);
            }

            return owner;
        }

        if (byOpenId is not null)
        {
            // The upgrade (a UnionID learnt by an OpenID-only binding) and the linked-schemes list.
            await ProfileRows.EnsureAsync(db, await users.GetUserIdAsync(byOpenId).ConfigureAwait(false), qq, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return byOpenId;
    }

    /// <summary>
    /// Whether the account had a login of <paramref name="loginProvider"/> that is gone now: the user removed it (say,
    /// on Identity's external-logins page). A scheme that still has a login row (another app id under the same scheme
    /// name, as when a site moves to a new QQ app) was not removed.
    /// </summary>
    private async Task<bool> RemovedByTheUserAsync(TUser owner, QqUserProfile profile, string loginProvider) =>
        ProfileRows.HasLinked(profile, loginProvider)
        && !(await users.GetLoginsAsync(owner).ConfigureAwait(false)).Any(login => login.LoginProvider == loginProvider);

    /// <summary>
    /// The account holding <paramref name="qq"/>'s UnionID, with its profile row. A row whose account has no QQ login
    /// left (the user removed them on Identity's pages) is stale: it is deleted and binds nothing.
    /// </summary>
    private async Task<(TUser Owner, QqUserProfile Profile)?> UnionIdOwnerAsync(QqLogin qq, CancellationToken cancellationToken)
    {
        if (qq.UnionId is null || await ProfileRows.FindByUnionIdAsync(db, qq.UnionId, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return null;
        }

        var owner = await users.FindByIdAsync(profile.UserId).ConfigureAwait(false);
        if (owner is not null && (await QqLoginsAsync(await users.GetLoginsAsync(owner).ConfigureAwait(false), profile).ConfigureAwait(false)).Count > 0)
        {
            return (owner, profile);
        }

        db.Remove(profile);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<QqBindResult> BindCoreAsync(TUser user, QqLogin qq, CancellationToken cancellationToken)
    {
        var userId = await users.GetUserIdAsync(user).ConfigureAwait(false);
        var byOpenId = await users.FindByLoginAsync(qq.LoginProvider, qq.OpenId).ConfigureAwait(false);
        if (byOpenId is not null && await users.GetUserIdAsync(byOpenId).ConfigureAwait(false) != userId)
        {
            return QqBindResult.BoundToAnotherAccount;
        }

        var byUnionId = await UnionIdOwnerAsync(qq, cancellationToken).ConfigureAwait(false);
        if (byUnionId is var (owner, _) && await users.GetUserIdAsync(owner).ConfigureAwait(false) != userId)
        {
            return QqBindResult.BoundToAnotherAccount;
        }

        if (byOpenId is not null)
        {
            await ProfileRows.EnsureAsync(db, userId, qq, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return QqBindResult.AlreadyBound;
        }

        // The account may hold a QQ binding already: the same person's (the same UnionID, through another app) is
        // completed; anyone else's is refused.
        var profile = await ProfileRows.FindAsync(db, userId, cancellationToken).ConfigureAwait(false);
        var samePerson = byUnionId is not null;
        var qqLogins = await QqLoginsAsync(await users.GetLoginsAsync(user).ConfigureAwait(false), profile).ConfigureAwait(false);
        if (!samePerson && qqLogins.Count > 0)
        {
            return QqBindResult.AccountHasAnotherQq;
        }

        if (!samePerson && qq.UnionId is not null && profile?.UnionId is { } other && other != qq.UnionId)
        {
            return QqBindResult.AccountHasAnotherQq;
        }

        await LinkAsync(user, qq, cancellationToken).ConfigureAwait(false);
        return QqBindResult.Bound;
    }

    /// <summary>
    /// Adds <paramref name="qq"/>'s login row to the account, and its profile row (UnionID, linked scheme). The caller
    /// found the UnionID free or this account's (<paramref name="claimUnionId"/>): another account holding it now is a
    /// lost race.
    /// </summary>
    private async Task LinkAsync(TUser user, QqLogin qq, CancellationToken cancellationToken, bool claimUnionId = true)
    {
        LostRaces.Check(await users.AddLoginAsync(user, new UserLoginInfo(qq.LoginProvider, qq.OpenId, "QQ")).ConfigureAwait(false));
        await ProfileRows.EnsureAsync(db, await users.GetUserIdAsync(user).ConfigureAwait(false), qq, time.GetUtcNow(), cancellationToken, claimUnionId).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
