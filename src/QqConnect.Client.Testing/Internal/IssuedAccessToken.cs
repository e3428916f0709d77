namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// An issued access token. Remembered as long as its login is (until the login's refresh window closes, or until it
/// expires if that is later), so that past its expiry it is answered as expired (100014); then forgotten (unknown).
/// </summary>
internal sealed class IssuedAccessToken(EmulatorApp app, EmulatorUser user, DateTimeOffset expiresAt, DateTimeOffset loginExpiresAt) : IIssued
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset ForgetAt { get; } = expiresAt > loginExpiresAt ? expiresAt : loginExpiresAt;
}
