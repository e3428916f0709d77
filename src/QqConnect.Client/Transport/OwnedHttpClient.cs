using System.Net;

namespace QqConnect.Client.Transport;

/// <summary>The <see cref="HttpClient"/> a directly constructed client owns.</summary>
internal static class OwnedHttpClient
{
    /// <summary>How long a pooled connection lives before it is replaced (so DNS changes are seen).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The whole-request timeout of an owned client.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create()
    {
#if NET5_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = ConnectionLifetime,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#else
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#endif
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout };
    }
}
