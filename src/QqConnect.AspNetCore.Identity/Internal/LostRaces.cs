using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// Writes that another request may race: two tabs, a double click, two nodes signing the same QQ user in at once.
/// The database's keys decide (a second login row for one OpenID, a second profile for one UnionID, a stale
/// security stamp); the loser forgets what it tracked and looks again on a fresh copy of the account.
/// </summary>
internal static class LostRaces
{
    /// <summary>How many times a write is tried before the database's refusal is passed on.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction of <paramref name="db"/> (or in the caller's, without retries),
    /// again on a fresh copy of <paramref name="user"/> each time a concurrent write wins.
    /// </summary>
    public static async Task<T> RunAsync<TUser, T>(
        DbContext db, UserManager<TUser> users, TUser? user, Func<TUser?, Task<T>> work, CancellationToken cancellationToken)
        where TUser : class
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(user).ConfigureAwait(false);
        }

        var current = user;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(current).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                if (user is not null)
                {
                    current = await users.FindByIdAsync(await users.GetUserIdAsync(user).ConfigureAwait(false)).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The account was deleted meanwhile.");
                }
            }
        }
    }

    /// <summary>
    /// Makes a result Identity refused (a stale stamp is <c>ConcurrencyFailure</c>; a login another request added
    /// first is <c>LoginAlreadyAssociated</c>) roll the transaction back like the database's own refusal.
    /// </summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DbUpdateException("Identity refused the change: " + string.Join("; ", result.Errors.Select(error => error.Code)));
        }
    }
}
