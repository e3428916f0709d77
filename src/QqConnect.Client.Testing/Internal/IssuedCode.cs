namespace QqConnect.Client.Testing.Internal;

/// <summary>An issued authorization code: single-use, bound to app, redirect_uri and user.</summary>
internal sealed class IssuedCode(EmulatorApp app, EmulatorUser user, string redirectUri, DateTimeOffset expiresAt)
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public string RedirectUri { get; } = redirectUri;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
