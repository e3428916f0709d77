using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore.Identity.Internal;

namespace QqConnect.AspNetCore.Identity;

/// <summary>Who came back from QQ: the IDs an account is bound by, and the profile shown while binding.</summary>
/// <param name="LoginProvider">The QQ scheme (one per QQ app), Identity's <c>LoginProvider</c>, such as <c>QQ</c>.</param>
/// <param name="OpenId">The OpenID (one per user and app), from QQ's <c>/me</c> answer, never from get_user_info.</param>
/// <param name="UnionId">The UnionID (one per user and developer), when the scheme asks for it (<c>RequestUnionId</c>).</param>
/// <param name="Nickname">
/// The QQ nickname (display only: never an identifier). <see cref="FromExternalLogin"/> drops its control and format
/// characters (bidi overrides, zero-width spaces), so it cannot reverse the page it is shown on.
/// </param>
/// <param name="AvatarUrl">The QQ avatar, when QQ gave one.</param>
public sealed record QqLogin(string LoginProvider, string OpenId, string? UnionId, string Nickname, string? AvatarUrl)
{
    /// <summary>Reads the QQ login that the QQ handler signed in to Identity's external cookie.</summary>
    /// <param name="info">From <c>SignInManager.GetExternalLoginInfoAsync()</c>.</param>
    /// <returns>The login.</returns>
    /// <exception cref="ArgumentException">The external login has no provider key (OpenID).</exception>
    public static QqLogin FromExternalLogin(ExternalLoginInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (string.IsNullOrEmpty(info.ProviderKey) || string.IsNullOrEmpty(info.LoginProvider))
        {
            throw new ArgumentException("The external login has no login provider or OpenID.", nameof(info));
        }

        var principal = info.Principal;
        var unionId = principal.FindFirstValue(QqConnectClaimTypes.UnionId);
        return new QqLogin(
            info.LoginProvider,
            info.ProviderKey,
            string.IsNullOrEmpty(unionId) ? null : unionId,
            DisplayText.Clean(principal.FindFirstValue(ClaimTypes.Name)),
            principal.FindFirstValue(QqConnectClaimTypes.AvatarUrl));
    }
}
