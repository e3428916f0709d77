using System.Buffers;

namespace QqConnect.Client.Transport;

/// <summary>An answer's bytes in a pooled buffer; return it with <see cref="Dispose"/>.</summary>
internal sealed class ResponseBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    public ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => new(_buffer ?? throw new ObjectDisposedException(nameof(ResponseBody)), 0, _length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
