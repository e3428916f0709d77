namespace QqConnect.Client;

/// <summary>
/// A new login state from <see cref="QqLoginStateProtector.Create(string?)"/>: the <see cref="State"/> goes into
/// the authorize URL, the <see cref="BrowserBinding"/> into a cookie of the browser that starts the login.
/// </summary>
public sealed class QqLoginState
{
    internal QqLoginState(string state, string browserBinding, DateTimeOffset expiresAt, string returnUrl)
    {
        State = state;
        BrowserBinding = browserBinding;
        ExpiresAt = expiresAt;
        ReturnUrl = returnUrl;
    }

    /// <summary>
    /// The value for the authorize URL's <c>state</c> parameter (<see cref="QqAuthorizeRequest"/>). URL-safe
    /// (base64url), at most about 800 characters. It is signed, not encrypted: the return URL inside it can be read.
    /// </summary>
    public string State { get; }

    /// <summary>
    /// The value to store in a cookie of this browser: <c>HttpOnly</c>, <c>Secure</c>, <c>SameSite=Lax</c>
    /// (not <c>Strict</c>: the callback is a cross-site navigation from graph.qq.com), expiring at <see cref="ExpiresAt"/>.
    /// A state is only valid together with this value. Keep it out of logs.
    /// </summary>
    public string BrowserBinding { get; }

    /// <summary>When the state stops being valid.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The return URL carried by the state: the requested one when it was a local path, else the default.</summary>
    public string ReturnUrl { get; }

    /// <summary>Describes the state without the browser binding.</summary>
    /// <returns>The expiry and the return URL.</returns>
    public override string ToString() => $"QqLoginState {{ ExpiresAt = {ExpiresAt:O}, ReturnUrl = {ReturnUrl} }}";
}
