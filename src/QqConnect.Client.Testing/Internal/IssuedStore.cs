using System.Diagnostics.CodeAnalysis;

namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// What the emulator remembers of one kind of issued value (codes, access tokens or refresh tokens), bounded so that a
/// long load test keeps its memory flat: an entry is forgotten once its <see cref="IIssued.ForgetAt"/> has passed (a
/// sweep over all entries, after as many additions as there are entries), and each app's user keeps at most
/// <c>perUser</c> entries, the oldest forgotten first. Not thread-safe: the emulator's lock guards it.
/// </summary>
internal sealed class IssuedStore<T>(int perUser)
    where T : class, IIssued
{
    private const int MinimumSweepInterval = 1024;

    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);

    // Each app's user's keys in the order they were issued; may still hold keys a sweep forgot, until the next sweep.
    private readonly Dictionary<(string AppId, string UserKey), Queue<string>> _byUser = [];
    private int _addedSinceSweep;

    public int Count => _entries.Count;

    /// <summary>The entry of <paramref name="key"/>, unless it was never issued, or forgotten (its time passed: also at <paramref name="now"/>, before a sweep).</summary>
    public bool TryGet(string key, DateTimeOffset now, [MaybeNullWhen(false)] out T entry)
    {
        if (_entries.TryGetValue(key, out entry) && entry.ForgetAt > now)
        {
            return true;
        }

        entry = null;
        return false;
    }

    public void Add(string key, T entry, DateTimeOffset now)
    {
        _entries.Add(key, entry);
        var owner = (entry.App.AppId, entry.User.Key);
        if (!_byUser.TryGetValue(owner, out var keys))
        {
            _byUser[owner] = keys = new Queue<string>();
        }

        keys.Enqueue(key);
        while (keys.Count > perUser)
        {
            _entries.Remove(keys.Dequeue());
        }

        if (++_addedSinceSweep >= Math.Max(MinimumSweepInterval, _entries.Count))
        {
            Sweep(now);
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _byUser.Clear();
        _addedSinceSweep = 0;
    }

    /// <summary>Forgets every entry whose time has passed, and the keys of forgotten entries.</summary>
    public void Sweep(DateTimeOffset now)
    {
        _addedSinceSweep = 0;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ForgetAt <= now)
            {
                _entries.Remove(key);
            }
        }

        foreach (var (owner, keys) in _byUser)
        {
            for (var i = keys.Count; i > 0; i--)
            {
                var key = keys.Dequeue();
                if (_entries.ContainsKey(key))
                {
                    keys.Enqueue(key);
                }
            }

            if (keys.Count == 0)
            {
                _byUser.Remove(owner);
            }
        }
    }
}
