using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore;

namespace QqConnect.Sample.Identity.Binding;

/// <summary>Who came back from QQ: the IDs the binding is about, and the profile shown on the bind page.</summary>
/// <param name="LoginProvider">The QQ scheme (one per QQ app), Identity's <c>LoginProvider</c>.</param>
/// <param name="OpenId">The OpenID (one per user and app).</param>
/// <param name="UnionId">The UnionID (one per user and developer), when the app asks for it.</param>
/// <param name="Nickname">The QQ nickname.</param>
/// <param name="AvatarUrl">The QQ avatar, when QQ gave one.</param>
public sealed record QqIdentity(string LoginProvider, string OpenId, string? UnionId, string Nickname, string? AvatarUrl)
{
    /// <summary>Reads the QQ identity from the external login that the QQ handler signed in to Identity's external cookie.</summary>
    /// <param name="info">From <c>SignInManager.GetExternalLoginInfoAsync()</c>.</param>
    /// <returns>The identity.</returns>
    public static QqIdentity From(ExternalLoginInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var principal = info.Principal;
        var unionId = principal.FindFirstValue(QqConnectClaimTypes.UnionId);
        return new QqIdentity(
            info.LoginProvider,
            info.ProviderKey,
            string.IsNullOrEmpty(unionId) ? null : unionId,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(QqConnectClaimTypes.AvatarUrl));
    }
}
