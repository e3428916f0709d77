using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// The QQ profile and tokens of bound accounts. Tokens are saved per account and QQ scheme in Identity's
/// AspNetUserTokens, protected with Data Protection (purpose <see cref="QqConnectAccountsDefaults.TokenProtectionPurpose"/>);
/// a refresh saves QQ's new single-use refresh token before anything else can fail. Registered by
/// <c>AddQqConnectAccounts</c>.
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
public interface IQqProfileStore<TUser>
    where TUser : class
{
    /// <summary>Records the nickname and avatar of a login or bind, and the tokens the QQ handler saved (<c>SaveTokens</c>).</summary>
    /// <param name="user">The account <paramref name="qq"/> is bound to.</param>
    /// <param name="qq">Who came back from QQ.</param>
    /// <param name="tokens">The login's tokens (<c>ExternalLoginInfo.AuthenticationTokens</c>); empty when the scheme does not save them.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>A task.</returns>
    Task SaveLoginAsync(TUser user, QqLogin qq, IEnumerable<AuthenticationToken> tokens, CancellationToken cancellationToken = default);

    /// <summary>The account's QQ profile, or <see langword="null"/> when no QQ is bound.</summary>
    /// <param name="user">The account.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>The profile.</returns>
    Task<QqProfile?> GetProfileAsync(TUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// A valid QQ access token of the account for <paramref name="loginProvider"/>: the saved one, or, when it has
    /// expired, a new one from the saved refresh token (<c>RefreshAsync</c>), saved at once with QQ's new refresh token.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="QqLoginRequiredException">No usable token is saved, or the refresh token is used up: log in with QQ again.</exception>
    /// <exception cref="QqConnectException">QQ could not be reached or refused otherwise.</exception>
    Task<string> GetAccessTokenAsync(TUser user, string loginProvider, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the nickname and avatar from QQ again (<c>GetUserInfoAsync</c> with <see cref="GetAccessTokenAsync"/>'s
    /// token and the scheme's OpenID) and saves them.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="loginProvider">The QQ scheme; <see langword="null"/> for the first of the account's QQ logins that has saved tokens.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="QqLoginRequiredException">No QQ is bound, no usable token is saved, or the refresh token is used up.</exception>
    /// <exception cref="QqConnectException">QQ could not be reached or refused otherwise.</exception>
    Task<QqProfile> RefreshProfileAsync(TUser user, string? loginProvider = null, CancellationToken cancellationToken = default);
}
