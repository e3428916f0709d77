namespace QqConnect.Client.Testing.Internal;

/// <summary>A bounded ring of the last requests: the oldest is dropped when it is full, so memory stays flat. Thread-safe.</summary>
internal sealed class RecentRequests(int capacity)
{
    private readonly object _gate = new();
    private readonly EmulatorRecordedRequest?[] _ring = new EmulatorRecordedRequest?[capacity];
    private int _next;
    private int _count;

    public void Add(EmulatorRecordedRequest request)
    {
        lock (_gate)
        {
            _ring[_next] = request;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The last <paramref name="count"/> requests (at most the capacity), oldest first.</summary>
    public EmulatorRecordedRequest[] Last(int count)
    {
        lock (_gate)
        {
            var take = Math.Min(count, _count);
            var result = new EmulatorRecordedRequest[take];
            var start = (_next - take + _ring.Length) % _ring.Length;
            for (var i = 0; i < take; i++)
            {
                result[i] = _ring[(start + i) % _ring.Length]!;
            }

            return result;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _next = 0;
            _count = 0;
        }
    }
}
