using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary>The fake users: added or replaced while the emulator runs, each change published as a new snapshot.</summary>
public sealed partial class QqConnectEmulator
{
    private readonly object _usersGate = new();
    private UserTable _users;

    /// <summary>
    /// Adds a fake user, or replaces the user with the same <see cref="EmulatorUser.Key"/>. A replaced user keeps its
    /// index, so its OpenIDs and UnionIDs (derived from the key) stay; tokens already issued to it answer
    /// <c>get_user_info</c> with the new profile. An added user comes last. The authorize page offers the user from
    /// the next request on. Thread-safe.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <returns>The user's index in <see cref="Users"/>, and whether a user of that key was replaced.</returns>
    public (int Index, bool Replaced) AddOrReplaceUser(EmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_usersGate)
        {
            var table = _users.With(user, out var index, out var replaced);
            Volatile.Write(ref _users, table);
            return (index, replaced);
        }
    }

    /// <summary>The index in <see cref="Users"/> of the user with <paramref name="key"/>.</summary>
    /// <param name="key">The user's <see cref="EmulatorUser.Key"/>.</param>
    /// <returns>The index, or -1 when no user has that key.</returns>
    public int IndexOfUser(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Volatile.Read(ref _users).IndexOf(key);
    }

    /// <summary>The current profile of a user a code or token was issued to (replaced since, or the same).</summary>
    private EmulatorUser CurrentProfile(EmulatorUser issuedTo)
    {
        var table = Volatile.Read(ref _users);
        var index = table.IndexOf(issuedTo.Key);
        if (index < 0 || ReferenceEquals(table.List[index], issuedTo) || table.List.Contains(issuedTo))
        {
            // Not replaced (or one of two users given the same key in the options): the user as issued.
            return issuedTo;
        }

        return table.List[index];
    }
}
