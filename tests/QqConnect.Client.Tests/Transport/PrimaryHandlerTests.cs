using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// The HTTP handler the SDK brings (a client built with <c>new QqConnectClient(options)</c> and the
/// <c>AddQqConnectClient</c> registration), over a real loopback socket: it follows no redirect and
/// decompresses gzip. The netstandard2.0 build has its own handler (HttpClientHandler, not SocketsHttpHandler).
/// </summary>
public sealed class PrimaryHandlerTests
{
    public static TheoryData<string> Clients => new() { "owned", "injected" };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task SdkHandler_RedirectAnswer_IsNotFollowed(string kind)
    {
        using var server = new RawHttpServer(target => target.StartsWith("/oauth2.0/me", StringComparison.Ordinal)
            ? RawHttpServer.Response("302 Found", [], "Location: /elsewhere?openid=ATTACKER")
            : RawHttpServer.Response("200 OK", Fixture.Bytes("me/json-success.txt")));
        using var client = Create(kind, server.BaseAddress);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.Client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.HttpStatus, error.Kind);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /oauth2.0/me?", request, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task SdkHandler_GzipAnswer_IsAskedForAndDecompressed(string kind)
    {
        using var server = new RawHttpServer(_ => RawHttpServer.Response("200 OK", Gzip(Fixture.Bytes("me/json-success.txt")), "Content-Encoding: gzip", "Content-Type: text/html"));
        using var client = Create(kind, server.BaseAddress);

        var openId = await client.Client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(TestApp.OpenId, openId.OpenId);
        var request = Assert.Single(server.Requests);
        Assert.Contains("gzip", AcceptEncoding(request), StringComparison.OrdinalIgnoreCase);
    }

    private static string AcceptEncoding(string head) =>
        head.Split("\r\n").Single(line => line.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static SdkClient Create(string kind, Uri baseAddress)
    {
        if (kind == "owned")
        {
            var owned = new QqConnectClient(TestApp.Options(o => o.BaseAddress = baseAddress));
            return new SdkClient(owned, owned);
        }

        var services = new ServiceCollection();
        services.AddQqConnectClient(o =>
        {
            o.AppId = TestApp.AppId;
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = TestApp.RedirectUri;
            o.BaseAddress = baseAddress;
        });
        var provider = services.BuildServiceProvider();
        return new SdkClient(provider.GetRequiredService<IQqConnectClient>(), provider);
    }

    private sealed record SdkClient(IQqConnectClient Client, IDisposable Owner) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }
}
