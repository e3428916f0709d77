namespace QqConnect.Client;

/// <summary>Whose token this is: the answer of <c>/oauth2.0/me</c>.</summary>
public sealed class QqOpenId
{
    /// <summary>Creates an OpenID result.</summary>
    /// <param name="clientId">The app id the token was issued to.</param>
    /// <param name="openId">The user's id for this app.</param>
    /// <param name="unionId">The user's id across the developer's apps, when asked for and granted.</param>
    public QqOpenId(string clientId, string openId, string? unionId)
    {
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        OpenId = openId ?? throw new ArgumentNullException(nameof(openId));
        UnionId = unionId;
    }

    /// <summary>The app id the token was issued to (<c>client_id</c>).</summary>
    public string ClientId { get; }

    /// <summary>The user's id, unique per (user, app).</summary>
    public string OpenId { get; }

    /// <summary>The user's id across all apps of one developer account, or <see langword="null"/>.</summary>
    public string? UnionId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"QqOpenId {{ ClientId = {ClientId}, OpenId = {OpenId}, UnionId = {UnionId ?? "(none)"} }}";
}
