using System.Net;

namespace QqConnect.Client.Transport;

/// <summary>The SDK's HTTP handler settings, shared by the client a direct constructor owns and the DI registration.</summary>
internal static class OwnedHttpClient
{
    /// <summary>How long a pooled connection lives before it is replaced (so DNS changes are seen).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The whole-request timeout of an owned client.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The client a directly constructed <see cref="QqConnectClient"/> owns: the handler below, with pooled connections renewed.</summary>
    public static HttpClient Create()
    {
        var handler = CreateHandler();
#if NET5_0_OR_GREATER
        // IHttpClientFactory renews its handlers itself; an owned client must renew its connections.
        handler.PooledConnectionLifetime = ConnectionLifetime;
#endif
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout };
    }

    /// <summary>The primary handler: decompression, a connect timeout where supported, and no redirects.</summary>
#if NET5_0_OR_GREATER
    public static SocketsHttpHandler CreateHandler() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        AllowAutoRedirect = false,
    };
#else
    public static HttpClientHandler CreateHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        AllowAutoRedirect = false,
    };
#endif
}
