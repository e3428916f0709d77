using System.Collections.ObjectModel;

namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// One published set of the emulator's users: the list by index and the users by key (the first of a key wins).
/// Never changed once published; a change publishes a new table.
/// </summary>
internal sealed class UserTable
{
    private readonly Dictionary<string, int> _indexByKey;

    private UserTable(ReadOnlyCollection<EmulatorUser> list, Dictionary<string, int> indexByKey)
    {
        List = list;
        _indexByKey = indexByKey;
    }

    /// <summary>The users by index.</summary>
    public ReadOnlyCollection<EmulatorUser> List { get; }

    public static UserTable Of(EmulatorUser[] users)
    {
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < users.Length; i++)
        {
            indexByKey.TryAdd(users[i].Key, i);
        }

        return new UserTable(Array.AsReadOnly(users), indexByKey);
    }

    /// <summary>The index of the user with <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key) => _indexByKey.TryGetValue(key, out var index) ? index : -1;

    /// <summary>A new table with <paramref name="user"/> in place of the user of its key, or added last.</summary>
    public UserTable With(EmulatorUser user, out int index, out bool replaced)
    {
        var users = new EmulatorUser[List.Count + (IndexOf(user.Key) < 0 ? 1 : 0)];
        List.CopyTo(users, 0);
        index = IndexOf(user.Key);
        replaced = index >= 0;
        if (!replaced)
        {
            index = users.Length - 1;
        }

        users[index] = user;
        return Of(users);
    }
}
