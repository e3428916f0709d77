using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// Identity's sign-in manager with two changes that keep strangers from locking a QQ user out:
/// a password check on an account that has no password (made by QQ login) fails without counting towards lockout,
/// and a lockout from failed passwords (no longer than <c>Lockout.DefaultLockoutTimeSpan</c>) does not refuse the
/// sign-in of the account's own QQ. A longer lockout (an administrator's) refuses QQ too.
/// </summary>
internal sealed class QqSignInManager<TUser>(
    UserManager<TUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TUser> confirmation,
    QqSchemes qqSchemes,
    TimeProvider time)
    : SignInManager<TUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    where TUser : class
{
    // Identity's lockout end is "now + DefaultLockoutTimeSpan" at the failure; a little more covers the clock moving.
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    public override async Task<SignInResult> CheckPasswordSignInAsync(TUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (UserManager.SupportsUserPassword && !await UserManager.HasPasswordAsync(user).ConfigureAwait(false))
        {
            return SignInResult.Failed;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure).ConfigureAwait(false);
    }

    public override async Task<SignInResult> ExternalLoginSignInAsync(string loginProvider, string providerKey, bool isPersistent, bool bypassTwoFactor)
    {
        if (!await qqSchemes.IsQqAsync(loginProvider).ConfigureAwait(false))
        {
            return await base.ExternalLoginSignInAsync(loginProvider, providerKey, isPersistent, bypassTwoFactor).ConfigureAwait(false);
        }

        var user = await UserManager.FindByLoginAsync(loginProvider, providerKey).ConfigureAwait(false);
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (!await CanSignInAsync(user).ConfigureAwait(false))
        {
            return SignInResult.NotAllowed;
        }

        if (await IsLockedOutBeyondPasswordsAsync(user).ConfigureAwait(false))
        {
            return SignInResult.LockedOut;
        }

        return await SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor).ConfigureAwait(false);
    }

    /// <summary>Whether the account is locked out for longer than failed passwords lock it.</summary>
    private async Task<bool> IsLockedOutBeyondPasswordsAsync(TUser user)
    {
        if (!UserManager.SupportsUserLockout || !await UserManager.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        var end = await UserManager.GetLockoutEndDateAsync(user).ConfigureAwait(false);
        return end is not { } until || until > time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan + Slack;
    }
}
