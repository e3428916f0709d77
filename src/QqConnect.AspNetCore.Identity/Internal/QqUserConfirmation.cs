using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// An account is confirmed when its e-mail is (Identity's rule for <c>RequireConfirmedAccount</c>) or when it has a
/// QQ login: QQ vouched for the user, and QQ gives no e-mail to confirm.
/// </summary>
internal sealed class QqUserConfirmation<TUser>(QqSchemes schemes) : IUserConfirmation<TUser>
    where TUser : class
{
    public async Task<bool> IsConfirmedAsync(UserManager<TUser> manager, TUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (await manager.IsEmailConfirmedAsync(user).ConfigureAwait(false))
        {
            return true;
        }

        if (!manager.SupportsUserLogin)
        {
            return false;
        }

        var qq = await schemes.NamesAsync().ConfigureAwait(false);
        return (await manager.GetLoginsAsync(user).ConfigureAwait(false)).Any(login => qq.Contains(login.LoginProvider));
    }
}
