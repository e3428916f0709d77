namespace QqConnect.Client;

/// <summary>
/// The QQ Connect (QQ互联) login calls. The calls that use the network throw <see cref="ObjectDisposedException"/>
/// once the client is disposed, and so does a call that the disposal interrupted.
/// </summary>
public interface IQqConnectClient
{
    /// <summary>Builds the URL that starts QQ login in the browser, with the configured redirect URI and scopes.</summary>
    /// <param name="state">An unguessable value bound to the user's browser (CSRF protection), echoed to the callback.</param>
    /// <returns>The absolute authorize URL, every value URL-encoded.</returns>
    /// <exception cref="ArgumentException">
    /// The state is empty, has control characters, or is over 500 bytes as sent (percent-encoded): QQ refuses a longer
    /// state with error 100010.
    /// </exception>
    Uri BuildAuthorizeUrl(string state);

    /// <summary>Builds the URL that starts QQ login in the browser.</summary>
    /// <param name="request">The state, and optionally scopes, the mobile display and another redirect URI.</param>
    /// <returns>The absolute authorize URL, every value URL-encoded.</returns>
    /// <exception cref="ArgumentException">
    /// A value is invalid, or the state or redirect URI is over 500 bytes as sent (percent-encoded): QQ refuses
    /// either with error 100010.
    /// </exception>
    Uri BuildAuthorizeUrl(QqAuthorizeRequest request);

    /// <summary>Exchanges the callback's code for an access token (never retried once sent: codes are single-use).</summary>
    /// <param name="code">The <c>code</c> from the callback URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access token.</returns>
    Task<QqAccessToken> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Exchanges the code using an explicit redirect URI: the very one used in the authorize URL.</summary>
    /// <param name="code">The <c>code</c> from the callback URL.</param>
    /// <param name="redirectUri">The redirect URI sent in the authorize URL, unchanged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access token.</returns>
    Task<QqAccessToken> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken = default);

    /// <summary>Renews an access token. The refresh token is single-use: keep the new one from the answer.</summary>
    /// <param name="refreshToken">The refresh token from the last token answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access token and refresh token.</returns>
    Task<QqAccessToken> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks <c>/oauth2.0/me</c> whose token this is, and checks that it was issued to this app (or one of
    /// <see cref="QqConnectOptions.AcceptedAppIds"/>); a token of another app is a <see cref="QqConnectException"/>
    /// with <see cref="QqConnectErrorKind.SecurityCheck"/>.
    /// </summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The app id the token was issued to, the user's OpenID and, when asked for, the UnionID.</returns>
    Task<QqOpenId> GetOpenIdAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a token and openid that a mobile app (QQ's Android/iOS SDK) handed to a backend: asks
    /// <c>/oauth2.0/me</c> and confirms that the token was issued to this app (or one of
    /// <see cref="QqConnectOptions.AcceptedAppIds"/>) and belongs to <paramref name="openId"/>.
    /// </summary>
    /// <param name="accessToken">The access token from the mobile app.</param>
    /// <param name="openId">The openid from the mobile app.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The verified ids.</returns>
    /// <exception cref="QqConnectException">With <see cref="QqConnectErrorKind.SecurityCheck"/> when either check fails.</exception>
    Task<QqOpenId> VerifyAccessTokenAsync(string accessToken, string openId, CancellationToken cancellationToken = default);

    /// <summary>Gets the user's profile from <c>/user/get_user_info</c>.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="openId">The user's OpenID for this app.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    Task<QqUserInfo> GetUserInfoAsync(string accessToken, string openId, CancellationToken cancellationToken = default);
}
