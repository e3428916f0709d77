namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// An issued refresh token: single-use, usable until the login's refresh window closes. Remembered, used or not, until
/// then: a used one presented again before is a replay; after, it is unknown, as an expired one is.
/// </summary>
internal sealed class IssuedRefreshToken(EmulatorApp app, EmulatorUser user, DateTimeOffset loginExpiresAt) : IIssued
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset LoginExpiresAt { get; } = loginExpiresAt;

    public bool Used { get; set; }

    public DateTimeOffset ForgetAt => LoginExpiresAt;
}
