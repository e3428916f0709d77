using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity;

/// <summary>An account's QQ binding, as the account page shows it.</summary>
/// <param name="QqLogins">The account's QQ logins: one per QQ scheme (QQ app), with its OpenID as <c>ProviderKey</c>.</param>
/// <param name="Profile">The QQ profile, or <see langword="null"/> when no QQ is bound.</param>
/// <param name="CanUnbind">Whether <see cref="IQqAccountBinder{TUser}.UnbindQqAsync"/> would unbind (the account has a password or another login).</param>
public sealed record QqAccountStatus(IReadOnlyList<UserLoginInfo> QqLogins, QqProfile? Profile, bool CanUnbind)
{
    /// <summary>Whether a QQ is bound to the account.</summary>
    public bool IsBound => QqLogins.Count > 0;
}
