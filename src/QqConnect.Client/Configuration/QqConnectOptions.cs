namespace QqConnect.Client;

/// <summary>Settings of one QQ Connect app. Bind them from configuration or set them in code.</summary>
/// <remarks><see cref="ToString"/> never shows <see cref="AppKey"/>.</remarks>
public sealed class QqConnectOptions
{
    /// <summary>QQ's production address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://graph.qq.com/");

    /// <summary>The APP ID from the QQ Connect console (sent as <c>client_id</c> and <c>oauth_consumer_key</c>).</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The APP Key from the QQ Connect console (sent as <c>client_secret</c>). A secret.</summary>
    public string AppKey { get; set; } = string.Empty;

    /// <summary>The callback address, absolute and exactly as registered for the app; sent unchanged in both steps.</summary>
    public string RedirectUri { get; set; } = string.Empty;

    /// <summary>Where QQ Connect answers: <c>https://graph.qq.com/</c>, or a local emulator (http only on loopback).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The scopes asked for when a request names none; empty means QQ's default (<c>get_user_info</c>).</summary>
    public IList<string> Scopes { get; set; } = new List<string>();

    /// <summary>Whether <c>/oauth2.0/me</c> asks for the UnionID (<c>unionid=1</c>). Off by default: without the permission QQ answers 100048.</summary>
    public bool RequestUnionId { get; set; }

    /// <summary>Whether the token and OpenID calls ask for JSON (<c>fmt=json</c>). On by default; every shape is read either way.</summary>
    public bool UseJsonFormat { get; set; } = true;

    /// <summary>The largest answer accepted, in bytes (default 64 KiB). A larger one is a <see cref="QqConnectException"/>.</summary>
    public int MaxResponseBodySize { get; set; } = 64 * 1024;

    /// <summary>
    /// Other app ids whose tokens this backend accepts besides <see cref="AppId"/> (say, the mobile app's id when
    /// the same backend serves the website and the mobile app). Tokens of any other app are refused.
    /// </summary>
    public IList<string> AcceptedAppIds { get; set; } = new List<string>();

    /// <summary>Timeouts and idempotency-aware retries of the built-in resilience pipeline.</summary>
    public QqConnectResilienceOptions Resilience { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() =>
        $"QqConnectOptions {{ AppId = {AppId}, AppKey = {(string.IsNullOrEmpty(AppKey) ? "(empty)" : "***")}, RedirectUri = {RedirectUri}, BaseAddress = {BaseAddress}, Scopes = [{string.Join(",", Scopes ?? [])}], AcceptedAppIds = [{string.Join(",", AcceptedAppIds ?? [])}], RequestUnionId = {RequestUnionId}, UseJsonFormat = {UseJsonFormat}, MaxResponseBodySize = {MaxResponseBodySize}, {Resilience} }}";
}
