namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// Ties QQ users to the site's Identity accounts: one account per OpenID and per UnionID, whatever the concurrency
/// (the database's keys decide a race; the loser finds the winner's account). Registered by
/// <c>AddQqConnectAccounts</c>; every write runs in one transaction of the site's <c>DbContext</c>. Its methods are
/// named so that a minimal-API handler takes it as a service parameter (a method named <c>BindAsync</c> would make
/// ASP.NET Core try to bind it from the request).
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
public interface IQqAccountBinder<TUser>
    where TUser : class
{
    /// <summary>
    /// The account bound to <paramref name="qq"/>: by UnionID first (then this scheme's OpenID is linked to it, unless
    /// the user removed that scheme's login from the account), then by OpenID (then its UnionID is recorded, so a site
    /// that turns on <c>RequestUnionId</c> later keeps its users); <see langword="null"/> when none is.
    /// </summary>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<TUser?> FindAsync(QqLogin qq, CancellationToken cancellationToken = default);

    /// <summary>
    /// Binds <paramref name="qq"/> to <paramref name="user"/> (the signed-in account, or one whose password the user
    /// just gave), unless the QQ is bound to another account or the account to another QQ user; then nothing changes.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>What happened.</returns>
    Task<QqBindResult> BindQqAsync(TUser user, QqLogin qq, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an account named <paramref name="userName"/> bound to <paramref name="qq"/>, without e-mail or
    /// password (QQ's review rules forbid forcing either on a QQ user). When the QQ is bound meanwhile (a second tab,
    /// a double click), no account is created and the bound one is returned.
    /// </summary>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="userName">The new account's user name (Identity's validators and the package's user-name rules apply).</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>The account, or the errors (say, the user name is taken).</returns>
    Task<QqAccountCreation<TUser>> CreateAccountAsync(QqLogin qq, string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// A free user name made from a QQ nickname: its letters and digits that the site's
    /// <c>User.AllowedUserNameCharacters</c> and the package's user-name rules allow, then 2, 3, … when taken.
    /// </summary>
    /// <param name="nickname">The QQ nickname.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>The suggestion (the database's unique index still decides at creation).</returns>
    Task<string> SuggestUserNameAsync(string? nickname, CancellationToken cancellationToken = default);

    /// <summary>
    /// Unbinds QQ from the account: every QQ scheme's login (web and mobile apps alike), the UnionID, the profile and
    /// the saved QQ tokens, so that no later login of any of the developer's apps binds it again; refused when QQ is
    /// the only way to sign in to the account. The account's security stamp changes: sign the user in again.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>What happened.</returns>
    Task<QqUnbindResult> UnbindQqAsync(TUser user, CancellationToken cancellationToken = default);

    /// <summary>The account's QQ logins and profile, and whether unbinding is allowed.</summary>
    /// <param name="user">The account.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>The status.</returns>
    Task<QqAccountStatus> GetStatusAsync(TUser user, CancellationToken cancellationToken = default);
}
