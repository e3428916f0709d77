using System.Net;
using System.Net.Sockets;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

public sealed class TransportFailureTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task AnyCall_NonSuccessStatus_ThrowsHttpStatusKeepingTheStatus(HttpStatusCode status)
    {
        _network.When("*").RespondWithFixture("hostile/html-502.html", status);
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId));

        Assert.Equal(QqConnectErrorKind.HttpStatus, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.IsNotType<QqConnectApiException>(error);
    }

    [Fact]
    public async Task AnyCall_ConnectionRefused_ThrowsTransportWithTheOriginalInside()
    {
        var refused = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        _network.When("*").Throw(refused);
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.Transport, error.Kind);
        Assert.Same(refused, error.InnerException);
        Assert.Null(error.StatusCode);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public async Task AnyCall_HttpClientTimeout_ThrowsTimeoutNotCancellation()
    {
        _network.When("*").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return TestApp.Answer([]);
        });
        using var client = new QqConnectClient(new HttpClient(_network) { Timeout = TimeSpan.FromMilliseconds(50) }, TestApp.Options());

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceled()
    {
        _network.When("*").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return TestApp.Answer([]);
        });
        using var client = TestApp.Client(_network);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetOpenIdAsync(TestApp.AccessToken, cancellation.Token));
    }

    [Fact]
    public async Task AnyCall_AlreadyCancelledToken_ThrowsOperationCanceledWithoutSending()
    {
        using var client = TestApp.Client(_network);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetOpenIdAsync(TestApp.AccessToken, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task AnyCall_BodyLargerThanTheCap_ThrowsResponseTooLarge()
    {
        var huge = new byte[70 * 1024];
        Array.Fill(huge, (byte)'a');
        _network.When("*").Respond(() => Task.FromResult(TestApp.Answer(huge)));
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.ResponseTooLarge, error.Kind);
    }

    [Fact]
    public async Task AnyCall_UnannouncedBodyLargerThanTheCap_StopsReadingAtTheCap()
    {
        var stream = new EndlessStream();
        _network.When("*").Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) }));
        using var client = TestApp.Client(_network, o => o.MaxResponseBodySize = 4096);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.ResponseTooLarge, error.Kind);
        Assert.InRange(stream.BytesRead, 4097, 64 * 1024);
    }

    [Fact]
    public async Task AnyCall_ConnectionResetMidBody_ThrowsTransport()
    {
        _network.When("*").Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ResettingStream()) }));
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.Transport, error.Kind);
        Assert.IsType<IOException>(error.InnerException);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            count = Math.Min(count, 1024);
            Array.Fill(buffer, (byte)' ', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class ResettingStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset));
            }

            _sent = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
