namespace QqConnect.Client.Testing;

/// <summary>
/// An application registered with the emulated QQ Connect (QQ互联) service: its APP ID, APP Key,
/// the callback domains it may redirect to, and whether it holds the UnionID permission.
/// </summary>
public sealed class EmulatorApp
{
    /// <summary>Creates an app registration.</summary>
    /// <param name="appId">The APP ID (<c>client_id</c>, also <c>oauth_consumer_key</c>).</param>
    /// <param name="appKey">The APP Key (<c>client_secret</c>). Emulator keys are fakes, never real secrets.</param>
    /// <param name="callbackDomains">
    /// Registered callback domains such as <c>localhost</c> or <c>example.com</c> (a redirect_uri on that
    /// host or any sub-domain is accepted). An entry containing <c>://</c> is a URL prefix instead.
    /// </param>
    /// <exception cref="ArgumentException">An empty id or key, no callback domain, or a blank one.</exception>
    public EmulatorApp(string appId, string appKey, params string[] callbackDomains)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(appKey);
        ArgumentNullException.ThrowIfNull(callbackDomains);
        if (callbackDomains.Length == 0)
        {
            throw new ArgumentException("An app needs at least one callback domain: without one every login fails with 100010.", nameof(callbackDomains));
        }

        if (callbackDomains.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A callback domain must not be null, empty or blank.", nameof(callbackDomains));
        }

        AppId = appId;
        AppKey = appKey;
        CallbackDomains = [.. callbackDomains];
    }

    /// <summary>The APP ID, sent as <c>client_id</c> and <c>oauth_consumer_key</c>.</summary>
    public string AppId { get; }

    /// <summary>The APP Key, sent as <c>client_secret</c>.</summary>
    public string AppKey { get; }

    /// <summary>Registered callback domains (or URL prefixes when an entry contains <c>://</c>).</summary>
    public IReadOnlyList<string> CallbackDomains { get; }

    /// <summary>A display name shown on the emulator's authorize page.</summary>
    public string Name { get; init; } = "Emulator app";

    /// <summary>Whether QQ granted this app the UnionID permission (<c>/oauth2.0/me?unionid=1</c>).</summary>
    public bool UnionIdGranted { get; init; }

    /// <summary>
    /// The developer account owning the app. Apps of one developer see the same UnionID for a user.
    /// </summary>
    public string DeveloperId { get; init; } = "emulator-developer";
}
