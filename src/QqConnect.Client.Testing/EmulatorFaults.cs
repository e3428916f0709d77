namespace QqConnect.Client.Testing;

/// <summary>
/// The pending faults of an emulator, consumed in the order they were added. Thread-safe; faults can be
/// added and cleared while requests are in flight.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _pending = [];

    internal EmulatorFaults()
    {
    }

    /// <summary>The number of faults not yet used up.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Adds a fault after the pending ones.</summary>
    /// <param name="fault">The fault.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count or chunk size below 1, negative padding or delay, or a status code outside 200–599.
    /// </exception>
    public void Add(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Count, 1, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.ChunkSize, 1, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfNegative(fault.PaddingBytes, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Delay, TimeSpan.Zero, nameof(fault));
        if (fault.StatusCode is { } status and (< 200 or > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), status, "StatusCode must be an HTTP answer status from 200 to 599 (a 1xx status is interim, not an answer).");
        }

        lock (_gate)
        {
            _pending.Add(new Entry(fault));
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal EmulatorFault? TakeFor(string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var entry = _pending[i];
                if (entry.Fault.Endpoint is { } endpoint && !string.Equals(endpoint, path, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (--entry.Remaining == 0)
                {
                    _pending.RemoveAt(i);
                }

                return entry.Fault;
            }

            return null;
        }
    }

    private sealed class Entry(EmulatorFault fault)
    {
        public EmulatorFault Fault { get; } = fault;

        public int Remaining { get; set; } = fault.Count;
    }
}
