using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// The HTTP handler the SDK brings (a client built with <c>new QqConnectClient(options)</c> and the
/// <c>AddQqConnectClient</c> registration), over a real loopback socket: it follows no redirect, asks for no
/// compression, and still reads an answer compressed anyway. The netstandard2.0 build has its own handler
/// (HttpClientHandler, not SocketsHttpHandler).
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
    public async Task SdkHandler_AsksForNoCompression(string kind)
    {
        using var server = new RawHttpServer(_ => RawHttpServer.Response("200 OK", Fixture.Bytes("me/json-success.txt")));
        using var client = Create(kind, server.BaseAddress);

        await client.Client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.DoesNotContain(Assert.Single(server.Requests).Split("\r\n"), line => line.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("owned", "gzip")]
    [InlineData("injected", "gzip")]
    [InlineData("owned", "deflate")]
    [InlineData("injected", "deflate")]
    public async Task SdkHandler_AnswerCompressedWithoutBeingAskedFor_IsDecoded(string kind, string encoding)
    {
        var body = Compress(Fixture.Bytes("me/json-success.txt"), encoding);
        using var server = new RawHttpServer(_ => RawHttpServer.Response("200 OK", body, $"Content-Encoding: {encoding}", "Content-Type: text/html"));
        using var client = Create(kind, server.BaseAddress);

        var openId = await client.Client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(TestApp.OpenId, openId.OpenId);
    }

    [Fact]
    public async Task SdkHandler_CompressedAnswerThatDoesNotDecode_IsInvalidResponse()
    {
        using var server = new RawHttpServer(_ => RawHttpServer.Response("200 OK", Encoding.ASCII.GetBytes("not gzip at all, but says so"), "Content-Encoding: gzip"));
        using var client = Create("injected", server.BaseAddress);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.Client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task SdkHandler_CompressedAnswer_IsCappedOnItsDecodedSize()
    {
        // 1 MB of spaces compresses to about a kilobyte: the cap (64 KB by default) counts what it decodes to.
        var bomb = Compress(Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024)), "gzip");
        Assert.True(bomb.Length < 16 * 1024);
        using var server = new RawHttpServer(_ => RawHttpServer.Response("200 OK", bomb, "Content-Encoding: gzip"));
        using var client = Create("injected", server.BaseAddress);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.Client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.ResponseTooLarge, error.Kind);
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "gzip" ? new GZipStream(output, CompressionLevel.Fastest) : new DeflateStream(output, CompressionLevel.Fastest))
        {
            compressor.Write(data);
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
