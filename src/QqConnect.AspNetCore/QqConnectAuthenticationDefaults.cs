namespace QqConnect.AspNetCore;

/// <summary>Default values of the QQ authentication handler; the same scheme and callback as aspnet-contrib's QQ provider.</summary>
public static class QqConnectAuthenticationDefaults
{
    /// <summary>The default scheme name, <c>QQ</c>: ASP.NET Core Identity stores it as <c>LoginProvider</c>.</summary>
    public const string AuthenticationScheme = "QQ";

    /// <summary>The default display name, <c>QQ</c>.</summary>
    public const string DisplayName = "QQ";

    /// <summary>The default callback path, <c>/signin-qq</c>.</summary>
    public const string CallbackPath = "/signin-qq";

    /// <summary>
    /// The prefix of the <c>AddQqConnectClient</c> registration made for a scheme configured with an app id and key:
    /// the registration is named this prefix followed by the scheme name (<c>QqConnect.AspNetCore.QQ</c>).
    /// </summary>
    public const string ClientNamePrefix = "QqConnect.AspNetCore.";

    /// <summary>
    /// The largest <c>state</c> and <c>redirect_uri</c> QQ accepts, in bytes as sent (longer ones get error 100010): the
    /// client's own limit (<see cref="QqLoginStateProtector.MaxStateLength"/>), so both packages apply one number.
    /// </summary>
    public const int MaxQqParameterBytes = QqLoginStateProtector.MaxStateLength;
}
