using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Binding;

/// <summary>
/// Ties QQ users to the site's accounts, on ASP.NET Core Identity's login rows (AspNetUserLogins):
/// <list type="bullet">
/// <item>the OpenID as (<c>LoginProvider</c> = the QQ scheme, <c>ProviderKey</c> = OpenID), Identity's usual row;</item>
/// <item>the UnionID, once known, as (<see cref="UnionIdLoginProvider"/>, UnionID).</item>
/// </list>
/// The table's primary key (LoginProvider, ProviderKey) makes the database refuse a second account for the same
/// OpenID or UnionID, whatever the code does. A login is found by UnionID first, then by OpenID; finding an
/// OpenID-only binding with a UnionID in hand records the UnionID (a site that turns on <c>RequestUnionId</c> later
/// keeps its users), and finding an account by UnionID from another app of the same developer records that app's
/// OpenID (the mobile app's user lands on the web account).
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
/// <typeparam name="TContext">The Identity EF Core context (writes run in one of its transactions).</typeparam>
/// <param name="users">Identity's user manager, on <typeparamref name="TContext"/>.</param>
/// <param name="db">The context behind <paramref name="users"/>.</param>
public sealed class QqAccountBinder<TUser, TContext>(UserManager<TUser> users, TContext db)
    where TUser : class
    where TContext : DbContext
{
    /// <summary>The <c>LoginProvider</c> of UnionID rows: one UnionID per developer, shared by all their QQ apps.</summary>
    public const string UnionIdLoginProvider = "QQ.UnionId";

    /// <summary>
    /// The account bound to <paramref name="qq"/>, by UnionID first, then by OpenID; <see langword="null"/> when none is.
    /// Records the UnionID on an OpenID-only binding, and this app's OpenID on a binding found by UnionID.
    /// </summary>
    /// <param name="qq">Who came back from QQ.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public Task<TUser?> FindAsync(QqIdentity qq)
    {
        ArgumentNullException.ThrowIfNull(qq);
        return InTransactionAsync(user: null, _ => FindCoreAsync(qq));
    }

    /// <summary>
    /// Binds <paramref name="qq"/> to <paramref name="user"/> unless the QQ is bound to another account or the account
    /// to another QQ user; then nothing changes.
    /// </summary>
    /// <param name="user">The signed-in account.</param>
    /// <param name="qq">Who came back from QQ.</param>
    /// <returns>What happened.</returns>
    public Task<QqBindResult> BindQqAsync(TUser user, QqIdentity qq)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(qq);
        return InTransactionAsync(user, current => BindCoreAsync(current!, qq));
    }

    /// <summary>
    /// Creates an account named <paramref name="userName"/> bound to <paramref name="qq"/>, in one transaction. When
    /// the QQ is bound meanwhile (a second tab, a double click, a concurrent request that won the database's unique
    /// key), no account is created and the bound one is returned.
    /// </summary>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="userName">The new account's user name.</param>
    /// <param name="newUser">
    /// Makes the user object named with the given user name, not yet saved (for Identity's user:
    /// <c>name =&gt; new IdentityUser(name)</c>). Naming it through <c>UserManager.SetUserNameAsync</c> instead would
    /// try to update a row that does not exist yet.
    /// </param>
    /// <returns>The account, or the errors (say, the user name is taken).</returns>
    public async Task<QqAccountCreation<TUser>> CreateAccountAsync(QqIdentity qq, string userName, Func<string, TUser> newUser)
    {
        ArgumentNullException.ThrowIfNull(qq);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(newUser);

        try
        {
            return await InTransactionCoreAsync(async () =>
            {
                var bound = await FindCoreAsync(qq);
                if (bound is not null)
                {
                    return new QqAccountCreation<TUser>(bound, Created: false, []);
                }

                var user = newUser(userName);
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    return new QqAccountCreation<TUser>(null, Created: false, created.Errors.ToList());
                }

                await AddLoginsAsync(user, qq);
                return new QqAccountCreation<TUser>(user, Created: true, []);
            });
        }
        catch (DbUpdateException)
        {
            // Another request bound this QQ first (the login rows' primary key refused ours): its account is the one.
            // Otherwise the user name was taken between Identity's check and our insert (its unique index refused it).
            db.ChangeTracker.Clear();
            var bound = await FindAsync(qq);
            return bound is not null
                ? new QqAccountCreation<TUser>(bound, Created: false, [])
                : new QqAccountCreation<TUser>(null, Created: false, [new IdentityErrorDescriber().DuplicateUserName(userName)]);
        }
    }

    /// <summary>
    /// Removes the account's QQ binding (this scheme's OpenID rows and the UnionID row), unless QQ is the only way to
    /// sign in to the account.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme.</param>
    /// <returns>What happened.</returns>
    public Task<QqUnbindResult> UnbindAsync(TUser user, string loginProvider)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(loginProvider);
        return InTransactionAsync(user, async current =>
        {
            var account = current!;
            var logins = await users.GetLoginsAsync(account);
            var qqLogins = logins.Where(login => IsQqLogin(login, loginProvider)).ToList();
            if (qqLogins.Count == 0)
            {
                return QqUnbindResult.NotBound;
            }

            if (!await users.HasPasswordAsync(account) && qqLogins.Count == logins.Count)
            {
                return QqUnbindResult.OnlyWayToSignIn;
            }

            foreach (var login in qqLogins)
            {
                Check(await users.RemoveLoginAsync(account, login.LoginProvider, login.ProviderKey));
            }

            return QqUnbindResult.Unbound;
        });
    }

    /// <summary>Whether the account has a QQ binding for <paramref name="loginProvider"/> (or a UnionID binding).</summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme.</param>
    /// <returns><see langword="true"/> when bound.</returns>
    public async Task<bool> IsBoundAsync(TUser user, string loginProvider)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await users.GetLoginsAsync(user)).Any(login => IsQqLogin(login, loginProvider));
    }

    private static bool IsQqLogin(UserLoginInfo login, string loginProvider) =>
        login.LoginProvider == loginProvider || login.LoginProvider == UnionIdLoginProvider;

    private async Task<TUser?> FindCoreAsync(QqIdentity qq)
    {
        var byUnionId = qq.UnionId is null ? null : await users.FindByLoginAsync(UnionIdLoginProvider, qq.UnionId);
        var byOpenId = await users.FindByLoginAsync(qq.LoginProvider, qq.OpenId);
        if (byUnionId is not null)
        {
            // UnionID first. An OpenID bound to another account (bound before the UnionID was asked for, while the same
            // person made a second account through another app) stays where it is: moving a login is the user's call.
            if (byOpenId is null)
            {
                Check(await users.AddLoginAsync(byUnionId, new UserLoginInfo(qq.LoginProvider, qq.OpenId, "QQ")));
            }

            return byUnionId;
        }

        if (byOpenId is not null && qq.UnionId is not null)
        {
            // The upgrade: an OpenID-only binding learns its UnionID.
            Check(await users.AddLoginAsync(byOpenId, new UserLoginInfo(UnionIdLoginProvider, qq.UnionId, "QQ UnionID")));
        }

        return byOpenId;
    }

    private async Task<QqBindResult> BindCoreAsync(TUser user, QqIdentity qq)
    {
        var userId = await users.GetUserIdAsync(user);
        var byUnionId = qq.UnionId is null ? null : await users.FindByLoginAsync(UnionIdLoginProvider, qq.UnionId);
        var byOpenId = await users.FindByLoginAsync(qq.LoginProvider, qq.OpenId);
        foreach (var bound in new[] { byUnionId, byOpenId })
        {
            if (bound is not null && await users.GetUserIdAsync(bound) != userId)
            {
                return QqBindResult.BoundToAnotherAccount;
            }
        }

        if (byOpenId is not null && (qq.UnionId is null || byUnionId is not null))
        {
            return QqBindResult.AlreadyBound;
        }

        // The account may hold a QQ binding already: the same person's (same UnionID, another app or an upgrade) is
        // completed; anyone else's is refused.
        var logins = await users.GetLoginsAsync(user);
        var sameUnionId = byUnionId is not null;
        var ownOpenId = byOpenId is not null;
        if (!sameUnionId && !ownOpenId && logins.Any(login => IsQqLogin(login, qq.LoginProvider)))
        {
            return QqBindResult.AccountHasAnotherQq;
        }

        if (qq.UnionId is not null && !sameUnionId && logins.Any(login => login.LoginProvider == UnionIdLoginProvider))
        {
            return QqBindResult.AccountHasAnotherQq;
        }

        await AddLoginsAsync(user, qq, addOpenId: !ownOpenId, addUnionId: qq.UnionId is not null && !sameUnionId);
        return QqBindResult.Bound;
    }

    private async Task AddLoginsAsync(TUser user, QqIdentity qq, bool addOpenId = true, bool addUnionId = true)
    {
        if (addOpenId)
        {
            Check(await users.AddLoginAsync(user, new UserLoginInfo(qq.LoginProvider, qq.OpenId, "QQ")));
        }

        if (addUnionId && qq.UnionId is not null)
        {
            Check(await users.AddLoginAsync(user, new UserLoginInfo(UnionIdLoginProvider, qq.UnionId, "QQ UnionID")));
        }
    }

    // A result Identity refused (say, LoginAlreadyAssociated when another request won the race between our check and
    // our insert) rolls the transaction back like the database's own refusal does.
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DbUpdateException("Identity refused the change: " + string.Join("; ", result.Errors.Select(error => error.Code)));
        }
    }

    // One retry after the database (or Identity, see Check) refused a write of a concurrent request's making. The
    // retry runs on a fresh copy of the account: the caller's copy is detached by the clear and may carry a stamp
    // the other request has changed, and Identity's checks load their own copy, which a detached one clashes with.
    private async Task<T> InTransactionAsync<T>(TUser? user, Func<TUser?, Task<T>> work)
    {
        try
        {
            return await InTransactionCoreAsync(() => work(user));
        }
        catch (DbUpdateException)
        {
            // A concurrent request changed the same rows first; nothing of ours was kept. Look again.
            db.ChangeTracker.Clear();
            var fresh = user is null
                ? null
                : await users.FindByIdAsync(await users.GetUserIdAsync(user)) ?? throw new InvalidOperationException("The account was deleted meanwhile.");
            return await InTransactionCoreAsync(() => work(fresh));
        }
    }

    private async Task<T> InTransactionCoreAsync<T>(Func<Task<T>> work)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work();
        await transaction.CommitAsync();
        return result;
    }
}
