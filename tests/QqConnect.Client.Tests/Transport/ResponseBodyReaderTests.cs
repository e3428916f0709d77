using QqConnect.Client.Parsing;
using QqConnect.Client.Transport;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// The body reader under its cap, with and without an announced length (the netstandard2.0 build reads
/// through its own stream calls).
/// </summary>
public sealed class ResponseBodyReaderTests
{
    private static readonly CallContext Context = new(QqConnectOperation.GetUserInfo, TestAppKey, secret: null);

    private const string TestAppKey = "TESTAPPKEY0123456789abcdefSECRET";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(20_000)]
    [InlineData(65_536)]
    public async Task ReadAsync_UnannouncedBodyUnderOrAtTheCap_ReadsEveryByte(int length)
    {
        var data = Bytes(length);
        using var content = new StreamContent(new TrickleStream(data, chunk: 1000));

        using var body = await ResponseBodyReader.ReadAsync(content, maxBytes: 65_536, Context, CancellationToken.None);

        Assert.Equal(data, body.Span.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    [InlineData(65_536)]
    public async Task ReadAsync_AnnouncedBodyUnderOrAtTheCap_ReadsEveryByte(int length)
    {
        var data = Bytes(length);
        using var content = new ByteArrayContent(data);

        using var body = await ResponseBodyReader.ReadAsync(content, maxBytes: 65_536, Context, CancellationToken.None);

        Assert.Equal(data, body.Span.ToArray());
    }

    [Fact]
    public async Task ReadAsync_UnannouncedBodyOneByteOverTheCap_ThrowsResponseTooLarge()
    {
        using var content = new StreamContent(new TrickleStream(Bytes(10_001), chunk: 1000));

        var error = await Assert.ThrowsAsync<QqConnectException>(() => ResponseBodyReader.ReadAsync(content, maxBytes: 10_000, Context, CancellationToken.None).AsTask());

        Assert.Equal(QqConnectErrorKind.ResponseTooLarge, error.Kind);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileReading_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new TrickleStream(Bytes(20_000), chunk: 1000) { AfterFirstRead = cancellation.Cancel };
        using var content = new StreamContent(stream);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResponseBodyReader.ReadAsync(content, maxBytes: 65_536, Context, cancellation.Token).AsTask());
    }

    [Fact]
    public async Task ReadAsync_AnnouncedBodyInChunks_StopsAtTheAnnouncedLengthWithoutAnotherRead()
    {
        var data = Bytes(5000);
        var stream = new TrickleStream(data, chunk: 1000);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = data.Length;

        using var body = await ResponseBodyReader.ReadAsync(content, maxBytes: 65_536, Context, CancellationToken.None);

        Assert.Equal(data, body.Span.ToArray());
        Assert.Equal(5, stream.Reads);
    }

    private static byte[] Bytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    /// <summary>A non-seekable stream (so no Content-Length) that hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public Action? AfterFirstRead { get; init; }

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            Reads++;
            AfterFirstRead?.Invoke();
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Read(buffer.AsSpan(offset, count)));
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
