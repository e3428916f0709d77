using System.Buffers;

namespace QqConnect.Client.Transport;

/// <summary>An answer's bytes in a pooled buffer; return it with <see cref="Dispose"/>.</summary>
/// <remarks>A struct, so reading an answer allocates no wrapper; dispose it exactly once (a <c>using</c>).</remarks>
internal readonly struct ResponseBody : IDisposable
{
    private readonly byte[] _buffer;
    private readonly int _length;

    public ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
