namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// An issued authorization code: single-use, bound to app, redirect_uri and user. Remembered until it expires, redeemed
/// or not: a redeemed code presented again before then is a replay (100020); after, it is unknown, as an expired one is.
/// </summary>
internal sealed class IssuedCode(EmulatorApp app, EmulatorUser user, string redirectUri, DateTimeOffset expiresAt) : IIssued
{
    public EmulatorApp App { get; } = app;

    public EmulatorUser User { get; } = user;

    public string RedirectUri { get; } = redirectUri;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }

    public DateTimeOffset ForgetAt => ExpiresAt;
}
