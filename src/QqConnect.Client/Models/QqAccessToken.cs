namespace QqConnect.Client;

/// <summary>An access token (and, usually, a refresh token) issued by <c>/oauth2.0/token</c>.</summary>
/// <remarks><see cref="ToString"/> never shows the tokens.</remarks>
public sealed class QqAccessToken
{
    /// <summary>Creates a token result.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="refreshToken">The refresh token, or <see langword="null"/> when QQ sent none.</param>
    /// <param name="expiresIn">The lifetime QQ announced.</param>
    /// <param name="expiresAt">When the token expires.</param>
    public QqAccessToken(string accessToken, string? refreshToken, TimeSpan expiresIn, DateTimeOffset expiresAt)
    {
        AccessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
        RefreshToken = refreshToken;
        ExpiresIn = expiresIn;
        ExpiresAt = expiresAt;
    }

    /// <summary>The access token. A secret: do not log it.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token, single-use, or <see langword="null"/> when QQ sent none. A secret: do not log it.</summary>
    public string? RefreshToken { get; }

    /// <summary>
    /// The user's OpenID for this app when the token answer carried one (<c>openid</c>, sent because the code
    /// exchange asks for it with <c>need_openid=1</c>), or <see langword="null"/> when it did not: then ask
    /// <see cref="IQqConnectClient.GetOpenIdAsync"/>. It names the user of the token issued for this app's own code,
    /// so it needs no app check; the token answer never carries the UnionID, which only <c>/oauth2.0/me</c> gives.
    /// <see cref="IQqConnectClient.RefreshAsync"/> does not ask for it (the caller knows the user already), so a
    /// refreshed token has one only when QQ sent it unasked.
    /// </summary>
    public string? OpenId { get; init; }

    /// <summary>The lifetime QQ announced in <c>expires_in</c>.</summary>
    public TimeSpan ExpiresIn { get; }

    /// <summary>When the token expires: the time of the answer plus <see cref="ExpiresIn"/>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether the token has expired at the time <paramref name="timeProvider"/> gives.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the token is no longer valid.</returns>
    public bool IsExpired(TimeProvider? timeProvider = null) =>
        (timeProvider ?? TimeProvider.System).GetUtcNow() >= ExpiresAt;

    /// <inheritdoc />
    public override string ToString() =>
        $"QqAccessToken {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "(none)" : "***")}, OpenId = {OpenId ?? "(none)"}, ExpiresIn = {ExpiresIn}, ExpiresAt = {ExpiresAt:O} }}";
}
