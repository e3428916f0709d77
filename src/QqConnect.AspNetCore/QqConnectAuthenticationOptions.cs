using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;
using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore.Internal;
using QqConnect.AspNetCore.Resources;

namespace QqConnect.AspNetCore;

/// <summary>Settings of one QQ login scheme (<c>AddQqConnect</c>).</summary>
/// <remarks>
/// Give either <see cref="AppId"/> and <see cref="AppKey"/> (a client is registered for the scheme), or
/// <see cref="ClientName"/> (the client of an existing <c>AddQqConnectClient(name, ...)</c> registration is used).
/// </remarks>
public sealed class QqConnectAuthenticationOptions : RemoteAuthenticationOptions
{
    /// <summary>
    /// Creates the options with the defaults: callback <c>/signin-qq</c>, the claim mappings listed in
    /// <see cref="QqConnectClaimTypes"/>, and a correlation cookie with <c>SameSite=Lax</c> (QQ comes back with a
    /// top-level GET, so Lax is enough; the framework's default, None, is for answers posted by a form).
    /// </summary>
    public QqConnectAuthenticationOptions()
    {
        CallbackPath = new PathString(QqConnectAuthenticationDefaults.CallbackPath);
        CorrelationCookie.SameSite = SameSiteMode.Lax;
        Events = new QqConnectAuthenticationEvents();

        ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "openid");
        ClaimActions.MapJsonKey(ClaimTypes.Name, "nickname");
        ClaimActions.MapJsonKey(ClaimTypes.Gender, "gender");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.UnionId, "unionid");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.Picture, "figureurl");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.PictureMedium, "figureurl_1");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.PictureFull, "figureurl_2");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.Avatar, "figureurl_qq_1");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.AvatarFull, "figureurl_qq_2");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.AvatarUrl, "avatar_url");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.Province, "province");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.City, "city");
        ClaimActions.MapJsonKey(QqConnectClaimTypes.Year, "year", ClaimValueTypes.Integer32);
    }

    /// <summary>The APP ID from the QQ Connect console. Required unless <see cref="ClientName"/> is set.</summary>
    public string? AppId { get; set; }

    /// <summary>The APP Key from the QQ Connect console. A secret; required unless <see cref="ClientName"/> is set.</summary>
    public string? AppKey { get; set; }

    /// <summary>
    /// The name of an <c>AddQqConnectClient(name, ...)</c> registration to use instead of <see cref="AppId"/> and
    /// <see cref="AppKey"/>. Its app id, key, base address and <c>RequestUnionId</c> apply; its <c>RedirectUri</c> is
    /// not used (the handler sends the URL of <see cref="RemoteAuthenticationOptions.CallbackPath"/>).
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>Where QQ Connect answers; <see langword="null"/> for <c>https://graph.qq.com/</c>. Point it at the emulator locally.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The scopes asked for (<c>scope</c>); empty for QQ's default, <c>get_user_info</c>.</summary>
    public ICollection<string> Scopes { get; } = new List<string>();

    /// <summary>The style of QQ's login page: PC (default) or mobile (<c>display=mobile</c>).</summary>
    public QqDisplay Display { get; set; }

    /// <summary>
    /// Whether the UnionID is asked for (<c>unionid=1</c>). The app needs the permission, else the login fails with 100048.
    /// It costs a third call per login: without it the token answer names the user and <c>/oauth2.0/me</c> is not asked.
    /// With <see cref="ClientName"/>, set <c>RequestUnionId</c> on that registration instead.
    /// </summary>
    public bool RequestUnionId { get; set; }

    /// <summary>
    /// Whether <c>ClaimTypes.NameIdentifier</c> (and so Identity's <c>ProviderKey</c>) is the UnionID instead of the
    /// OpenID. Off by default: switching changes every user's key (see docs/aspnetcore.md). Needs <see cref="RequestUnionId"/>.
    /// </summary>
    public bool UseUnionIdAsNameIdentifier { get; set; }

    /// <summary>How the user data (QQ's field names: <c>openid</c>, <c>nickname</c>, <c>figureurl_qq_2</c>, ...) becomes claims.</summary>
    public ClaimActionCollection ClaimActions { get; } = new();

    /// <summary>
    /// Protects the properties kept in the correlation cookie (<see cref="RemoteAuthenticationOptions.CorrelationCookie"/>,
    /// named <c>.AspNetCore.Correlation.</c> followed by the short state sent to QQ); by default ASP.NET Core Data Protection.
    /// </summary>
    public ISecureDataFormat<AuthenticationProperties> StateDataFormat { get; set; } = null!;

    /// <summary>
    /// The query parameter that carries a short, user-facing reason (such as <c>QQ登录 cancelled (QQ error 100030).</c>)
    /// when a login is refused or fails and no <c>OnRemoteFailure</c> handler took care of it: the browser is sent back
    /// to the login's return URL (<see cref="AuthenticationProperties.RedirectUri"/>, always a local URL) with this
    /// parameter added, or to the site's root when the failure has no login to go back to (no state, or the
    /// correlation cookie is missing or unreadable, as when an old callback URL is reloaded). By default
    /// <c>remoteError</c>, the parameter the ASP.NET Core Identity pages (<c>ExternalLogin</c>) read and show as
    /// "Error from external provider: …". <see langword="null"/> or empty keeps ASP.NET Core's behaviour: the failure
    /// is thrown (an error page, or a 500).
    /// </summary>
    public string? RemoteErrorParameter { get; set; } = "remoteError";

    /// <summary>The events raised by the handler.</summary>
    public new QqConnectAuthenticationEvents Events
    {
        get => (QqConnectAuthenticationEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>The configuration section the options were bound from (<c>AddQqConnect(section)</c>), so that messages name its keys.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>Said after the message of a missing app id or key (set by the emulator package outside Development).</summary>
    internal string? MissingCredentialsHint { get; set; }

    private string Key(string property) => QqConnectAuthenticationOptionsBinder.KeyOf(ConfigurationPath, property);

    private string Hint => MissingCredentialsHint is null ? string.Empty : " " + MissingCredentialsHint;

    /// <summary>Checks the options; the message names the setting to fix (its configuration key when bound from a section).</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public override void Validate()
    {
        base.Validate();

        if (string.IsNullOrWhiteSpace(ClientName))
        {
            if (string.IsNullOrWhiteSpace(AppId))
            {
                throw new ArgumentException(Messages.Format(Strings.OptionsAppIdRequired, Key(nameof(AppId))) + Hint, nameof(AppId));
            }

            if (string.IsNullOrWhiteSpace(AppKey))
            {
                throw new ArgumentException(Messages.Format(Strings.OptionsAppKeyRequired, Key(nameof(AppKey))) + Hint, nameof(AppKey));
            }
        }
        else if (!string.IsNullOrEmpty(AppId) || !string.IsNullOrEmpty(AppKey) || BaseAddress is not null || RequestUnionId)
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsClientNameCombined, Key(nameof(ClientName))), nameof(ClientName));
        }

        if (UseUnionIdAsNameIdentifier && !RequestUnionId && string.IsNullOrWhiteSpace(ClientName))
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsUnionIdNeedsRequest, Key(nameof(UseUnionIdAsNameIdentifier))), nameof(UseUnionIdAsNameIdentifier));
        }

        foreach (var scope in Scopes)
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Contains(',', StringComparison.Ordinal) || scope.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException(Messages.Format(Strings.OptionsScopes, Key(nameof(Scopes))), nameof(Scopes));
            }
        }

        if (Display is not (QqDisplay.Pc or QqDisplay.Mobile))
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsDisplay, Key(nameof(Display))), nameof(Display));
        }

        if (CorrelationCookie is null || string.IsNullOrEmpty(CorrelationCookie.Name))
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsCorrelationCookie, Key(nameof(CorrelationCookie))), nameof(CorrelationCookie));
        }

        // An early check of the path alone, on start: the host and path base are known only per request, so the
        // challenge applies the client's rule to the whole redirect_uri as sent (percent-encoded).
        if (Encoding.UTF8.GetByteCount(CallbackPath.Value!) > QqConnectAuthenticationDefaults.MaxQqParameterBytes)
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsCallbackPathTooLong, Key(nameof(CallbackPath)), QqConnectAuthenticationDefaults.MaxQqParameterBytes), nameof(CallbackPath));
        }
    }
}
