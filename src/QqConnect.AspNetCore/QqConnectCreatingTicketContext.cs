using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace QqConnect.AspNetCore;

/// <summary>What <see cref="QqConnectAuthenticationEvents.OnCreatingTicket"/> sees: QQ's typed answers, the principal and the properties.</summary>
public sealed class QqConnectCreatingTicketContext : ResultContext<QqConnectAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="principal">The principal built from the claim actions.</param>
    /// <param name="properties">The properties of the login.</param>
    /// <param name="token">The token from the code exchange.</param>
    /// <param name="openId">The OpenID answer (already checked to belong to this app).</param>
    /// <param name="user">The user's profile.</param>
    /// <param name="userData">The same data as JSON with QQ's field names, as read by the claim actions.</param>
    public QqConnectCreatingTicketContext(
        HttpContext context,
        AuthenticationScheme scheme,
        QqConnectAuthenticationOptions options,
        ClaimsPrincipal principal,
        AuthenticationProperties properties,
        QqAccessToken token,
        QqOpenId openId,
        QqUserInfo user,
        JsonElement userData)
        : base(context, scheme, options)
    {
        Principal = principal;
        Properties = properties;
        Token = token;
        OpenId = openId;
        User = user;
        UserData = userData;
    }

    /// <summary>The access token, its refresh token and expiry (secrets: never log them).</summary>
    public QqAccessToken Token { get; }

    /// <summary>
    /// The OpenID, the app it was issued to and the UnionID when asked for: from the token answer (this app's id as
    /// <see cref="QqOpenId.ClientId"/>) when the UnionID is not asked for, else from <c>/oauth2.0/me</c>.
    /// </summary>
    public QqOpenId OpenId { get; }

    /// <summary>The user's profile from <c>get_user_info</c>.</summary>
    public QqUserInfo User { get; }

    /// <summary>The user data the claim actions read, with QQ's field names.</summary>
    public JsonElement UserData { get; }

    /// <summary>The main identity of <see cref="ResultContext{TOptions}.Principal"/>.</summary>
    public ClaimsIdentity? Identity => Principal?.Identity as ClaimsIdentity;
}
