namespace QqConnect.Client.Testing.Internal;

/// <summary>A read-only stream that hands out its bytes a few at a time, pausing before each chunk.</summary>
internal sealed class TrickleStream(ReadOnlyMemory<byte> body, int chunkSize, TimeSpan delay, QqConnectEmulator emulator) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= body.Length || buffer.Length == 0)
        {
            return 0;
        }

        await emulator.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        var count = Math.Min(Math.Min(chunkSize, buffer.Length), body.Length - _position);
        body.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
