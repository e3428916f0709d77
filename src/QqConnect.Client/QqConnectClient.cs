using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;
using QqConnect.Client.Transport;

namespace QqConnect.Client;

/// <summary>
/// The QQ Connect client. Create one per app and share it: it is thread-safe. Use it directly
/// (<c>new QqConnectClient(options)</c>) or through dependency injection (<c>services.AddQqConnectClient(...)</c>).
/// </summary>
public sealed class QqConnectClient : IQqConnectClient, IDisposable
{
    private readonly HttpClient? _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly QqEndpoints _endpoints;
    private readonly QqTransport _transport;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a client that owns its connection pool (connections are renewed every few minutes so DNS
    /// changes are seen). Dispose the client to release it. For scripts and apps without dependency injection.
    /// </summary>
    /// <param name="options">The app's settings; validated now.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public QqConnectClient(QqConnectOptions options)
        : this(new AppCallSetup(options, timeProvider: null, logger: null, telemetry: null))
    {
    }

    // The setup validates the options before the owned HttpClient exists, so invalid options leak no connection pool
    // (and are validated once).
    private QqConnectClient(AppCallSetup setup)
        : this(SdkHttpDefaults.Create(), setup, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that the caller owns and configures.</summary>
    /// <param name="httpClient">The client to send requests with, used as is (requests are absolute URIs built from <see cref="QqConnectOptions.BaseAddress"/>).</param>
    /// <param name="options">The app's settings; validated now.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public QqConnectClient(HttpClient httpClient, QqConnectOptions options)
        : this(httpClient, options, timeProvider: null, logger: null)
    {
    }

    /// <summary>Creates a client with a clock and a logger (what dependency injection uses).</summary>
    /// <param name="httpClient">The client to send requests with, used as is.</param>
    /// <param name="options">The app's settings; validated now.</param>
    /// <param name="timeProvider">The clock for <see cref="QqAccessToken.ExpiresAt"/> and timings; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where to log each call (never with secrets); nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public QqConnectClient(HttpClient httpClient, QqConnectOptions options, TimeProvider? timeProvider, ILogger<QqConnectClient>? logger)
        : this(httpClient, options, timeProvider, logger, ownsHttpClient: false)
    {
    }

    internal QqConnectClient(HttpClient httpClient, QqConnectOptions options, TimeProvider? timeProvider, ILogger? logger, bool ownsHttpClient, QqConnectTelemetry? telemetry = null)
        : this(httpClient, new AppCallSetup(options, timeProvider, logger, telemetry), ownsHttpClient)
    {
    }

    /// <summary>A client over parts built once for its app (what the DI factory uses for every client it makes).</summary>
    internal QqConnectClient(HttpClient httpClient, AppCallSetup setup, bool ownsHttpClient)
    {
        Guard.NotNull(httpClient, nameof(httpClient));
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _endpoints = setup.Endpoints;
        _logger = setup.Logger;
        _transport = new QqTransport(httpClient, setup);
    }

    /// <summary>A client whose <see cref="HttpClient"/> comes from the factory on its first call (what the DI factory makes).</summary>
    internal QqConnectClient(IHttpClientFactory httpClientFactory, IHttpMessageHandlerFactory? handlerFactory, string httpClientName, AppCallSetup setup)
    {
        _endpoints = setup.Endpoints;
        _logger = setup.Logger;
        _transport = new QqTransport(httpClientFactory, handlerFactory, httpClientName, setup);
    }

    /// <inheritdoc />
    public Uri BuildAuthorizeUrl(string state) => BuildAuthorizeUrl(new QqAuthorizeRequest(state));

    /// <inheritdoc />
    public Uri BuildAuthorizeUrl(QqAuthorizeRequest request)
    {
        Guard.NotNull(request, nameof(request));
        Guard.Value(request.State, nameof(request.State), Guard.MaxStateOrUrlLength);
        QqWire.CheckLength(request.State, "state", nameof(request.State));
        if (request.RedirectUri is not null)
        {
            CheckRedirectUri(request.RedirectUri, nameof(request.RedirectUri));
        }

        if (request.Scopes is not null)
        {
            foreach (var scope in request.Scopes)
            {
                Guard.Value(scope, nameof(request.Scopes));
            }
        }

        return _endpoints.Authorize(request);
    }

    /// <inheritdoc />
    public Task<QqAccessToken> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(code, nameof(code));
        return _transport.SendAsync(_endpoints.ExchangeCode(code, redirectUri: null), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<QqAccessToken> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(code, nameof(code));
        CheckRedirectUri(redirectUri, nameof(redirectUri));
        return _transport.SendAsync(_endpoints.ExchangeCode(code, redirectUri), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<QqAccessToken> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(refreshToken, nameof(refreshToken));
        return _transport.SendAsync(_endpoints.Refresh(refreshToken), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<QqOpenId> GetOpenIdAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(accessToken, nameof(accessToken));
        return _transport.SendAsync(_endpoints.Me(accessToken), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<QqOpenId> VerifyAccessTokenAsync(string accessToken, string openId, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(accessToken, nameof(accessToken));
        Guard.Value(openId, nameof(openId));
        return GetCheckedOpenIdAsync(accessToken, openId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<QqUserInfo> GetUserInfoAsync(string accessToken, string openId, CancellationToken cancellationToken = default)
    {
        _transport.ThrowIfDisposed();
        Guard.Value(accessToken, nameof(accessToken));
        Guard.Value(openId, nameof(openId));
        return _transport.SendAsync(_endpoints.UserInfo(accessToken, openId), cancellationToken).AsTask();
    }

    /// <summary>
    /// Releases the connection pool when this client created it; a given <see cref="HttpClient"/> is left alone.
    /// After <c>Dispose</c>, every call throws <see cref="ObjectDisposedException"/> before any request; a call in
    /// flight that the disposal cancels also ends with <see cref="ObjectDisposedException"/> (not a
    /// <see cref="QqConnectException"/> of kind Timeout). <see cref="BuildAuthorizeUrl(string)"/> needs no network and keeps working.
    /// </summary>
    public void Dispose()
    {
        _transport.MarkDisposed();
        if (_ownsHttpClient)
        {
            _httpClient?.Dispose();
        }
    }

    private static void CheckRedirectUri(string? redirectUri, string parameterName)
    {
        Guard.Value(redirectUri, parameterName, Guard.MaxStateOrUrlLength);
        if (!Guard.IsAbsoluteHttpUrl(redirectUri))
        {
            throw new ArgumentException("The redirect URI must be an absolute http or https URL.", parameterName);
        }

        QqWire.CheckLength(redirectUri!, "redirect URI", parameterName);
    }

    // The token's app is checked while /me is parsed (TokenAppCheck); here, also its user.
    private async Task<QqOpenId> GetCheckedOpenIdAsync(string accessToken, string expectedOpenId, CancellationToken cancellationToken)
    {
        var request = _endpoints.Me(accessToken);
        var openId = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(openId.OpenId, expectedOpenId, StringComparison.Ordinal))
        {
            QqConnectLog.TokenRejected(_logger, "openid does not match the token");
            throw request.Context.Fail(QqConnectErrorKind.SecurityCheck, Strings.OpenIdMismatch);
        }

        return openId;
    }
}
