namespace QqConnect.Client.Testing.Internal;

/// <summary>An issued refresh token: single-use, usable until the login's refresh window closes.</summary>
internal sealed class IssuedRefreshToken(EmulatorApp app, EmulatorUser user, DateTimeOffset loginExpiresAt)
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset LoginExpiresAt { get; } = loginExpiresAt;

    public bool Used { get; set; }
}
