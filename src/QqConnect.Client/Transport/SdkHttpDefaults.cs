using System.Net;

namespace QqConnect.Client.Transport;

/// <summary>
/// The SDK's HTTP defaults: the primary handler and the <see cref="HttpClient"/> setting the DI registration applies,
/// and the client a directly constructed <see cref="QqConnectClient"/> owns (the same handler, connections renewed).
/// </summary>
internal static class SdkHttpDefaults
{
    /// <summary>How long a pooled connection lives before it is replaced (so DNS changes are seen).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The client a directly constructed <see cref="QqConnectClient"/> owns: the handler below, with pooled connections renewed.</summary>
    public static HttpClient Create()
    {
        var handler = CreateHandler();
#if NET5_0_OR_GREATER
        // IHttpClientFactory renews its handlers itself; an owned client must renew its connections.
        handler.PooledConnectionLifetime = ConnectionLifetime;
#endif
        var client = new HttpClient(handler, disposeHandler: true);
        Configure(client);
        return client;
    }

    /// <summary>
    /// No <see cref="HttpClient.Timeout"/>: every call already runs under the SDK's own timer (the attempt timeout, or
    /// the total timeout, which also covers reading the body, unlike HttpClient's). A second, 100-second timer would
    /// only cost a timer per request. A timeout a user sets with <c>ConfigureHttpClient</c> still applies.
    /// </summary>
    public static void Configure(HttpClient client) => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The primary handler: a connect timeout where supported, no redirects, and no automatic decompression (no
    /// <c>Accept-Encoding</c> is sent; an answer compressed anyway is decoded by the body reader).
    /// </summary>
#if NET5_0_OR_GREATER
    public static SocketsHttpHandler CreateHandler() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AllowAutoRedirect = false,
    };
#else
    public static HttpClientHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
    };
#endif
}
