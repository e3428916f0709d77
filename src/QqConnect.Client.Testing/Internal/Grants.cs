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

/// <summary>An issued access token.</summary>
internal sealed class IssuedAccessToken(EmulatorApp app, EmulatorUser user, DateTimeOffset expiresAt)
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;
}

/// <summary>An issued refresh token: single-use, usable until the login's refresh window closes.</summary>
internal sealed class IssuedRefreshToken(EmulatorApp app, EmulatorUser user, DateTimeOffset loginExpiresAt)
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset LoginExpiresAt { get; } = loginExpiresAt;

    public bool Used { get; set; }
}
