namespace QqConnect.AspNetCore.Internal;

/// <summary>Items the handler keeps in the protected properties between the challenge and the callback, removed before the ticket is issued.</summary>
internal static class PropertyKeys
{
    /// <summary>The exact redirect_uri sent to QQ's authorize page, sent again with the code.</summary>
    public const string RedirectUri = ".qq.redirect_uri";

    /// <summary>When the login expires (round-trip "o" format, UTC).</summary>
    public const string ExpiresAt = ".qq.expires_at";
}
