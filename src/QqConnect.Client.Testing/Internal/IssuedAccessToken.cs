namespace QqConnect.Client.Testing.Internal;

/// <summary>An issued access token.</summary>
internal sealed class IssuedAccessToken(EmulatorApp app, EmulatorUser user, DateTimeOffset expiresAt)
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;
}
