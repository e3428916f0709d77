namespace QqConnect.Architecture.Tests;

/// <summary>
/// Which rooms (first folders under a project; <see cref="SourceFile.RootRoom"/> for files at its root) a package
/// has, and which other rooms of the same package each may use. A room not listed fails the tests: a new folder
/// needs a rule here and a line in docs/contributing.md.
/// </summary>
internal sealed class RoomRules
{
    private readonly Dictionary<string, string[]> _mayUse;

    public RoomRules(string project, Dictionary<string, string[]> mayUse)
    {
        Project = project;
        _mayUse = mayUse;
    }

    /// <summary>The project folder under src/.</summary>
    public string Project { get; }

    public IEnumerable<string> Rooms => _mayUse.Keys;

    /// <summary>The rooms of src/QqConnect.Client, as docs/contributing.md lists them.</summary>
    public static RoomRules Client { get; } = new("QqConnect.Client", new(StringComparer.Ordinal)
    {
        ["Models"] = [],
        ["Internal"] = [],
        ["Polyfills"] = [],
        ["Errors"] = ["Models"],
        ["Diagnostics"] = ["Models", "Errors"],
        ["Configuration"] = ["Models", "Errors", "Diagnostics", "Internal"],
        ["Login"] = ["Models", "Errors", "Internal"],
        ["Parsing"] = ["Models", "Internal"],
        ["Transport"] = ["Models", "Errors", "Configuration", "Diagnostics", "Internal", "Parsing"],
        [SourceFile.RootRoom] = ["Models", "Errors", "Configuration", "Diagnostics", "Internal", "Transport"],
        ["DependencyInjection"] = ["Models", "Errors", "Configuration", "Diagnostics", "Internal", "Transport", "Parsing", "Login", SourceFile.RootRoom],
    });

    /// <summary>
    /// The rooms of src/QqConnect.Client.Testing, the emulator: its public face at the root (the emulator, its
    /// options, users, faults and exchanged values) and its workings in Internal/, which take and give those public
    /// values. It uses nothing of the client (<see cref="RoomRulesTests.Emulator_UsesNothingOfTheClient"/>).
    /// </summary>
    public static RoomRules Emulator { get; } = new("QqConnect.Client.Testing", new(StringComparer.Ordinal)
    {
        ["Internal"] = [SourceFile.RootRoom],
        [SourceFile.RootRoom] = ["Internal"],
    });

    /// <summary>
    /// The rooms of src/QqConnect.AspNetCore, the handler: laid out flat, what users touch at the root (options,
    /// defaults, events, claim types, extensions, and the internal handler), the rest in Internal/, which takes and
    /// gives the root's options and events. It uses no emulator (<see cref="RoomRulesTests.Packages_ThatShip_UseNoEmulator"/>).
    /// </summary>
    public static RoomRules AspNetCore { get; } = new("QqConnect.AspNetCore", new(StringComparer.Ordinal)
    {
        ["Internal"] = [SourceFile.RootRoom],
        [SourceFile.RootRoom] = ["Internal"],
    });

    /// <summary>The rooms of src/QqConnect.AspNetCore.Emulator (UseEmulatorInDevelopment): the same shape as the handler's.</summary>
    public static RoomRules AspNetCoreEmulator { get; } = new("QqConnect.AspNetCore.Emulator", new(StringComparer.Ordinal)
    {
        ["Internal"] = [SourceFile.RootRoom],
        [SourceFile.RootRoom] = ["Internal"],
    });

    /// <summary>
    /// The rooms of src/QqConnect.AspNetCore.Identity (QQ login bound to Identity accounts): its public face at the
    /// root (the binder and profile store interfaces, their results, the entity, options, registration), the
    /// workings in Internal/, and the callback, bind and account pages in Pages/, which use both.
    /// </summary>
    public static RoomRules AspNetCoreIdentity { get; } = new("QqConnect.AspNetCore.Identity", new(StringComparer.Ordinal)
    {
        ["Internal"] = [SourceFile.RootRoom],
        ["Pages"] = [SourceFile.RootRoom, "Internal"],
        [SourceFile.RootRoom] = ["Internal", "Pages"],
    });

    /// <summary>Every package with rules, by its project folder.</summary>
    public static IReadOnlyList<RoomRules> All { get; } = [Client, Emulator, AspNetCore, AspNetCoreEmulator, AspNetCoreIdentity];

    public bool IsKnown(string room) => _mayUse.ContainsKey(room);

    public bool MayUse(string room, string other) => room == other || (_mayUse.TryGetValue(room, out var allowed) && allowed.Contains(other));

    public string Describe(string room) =>
        _mayUse.TryGetValue(room, out var allowed) && allowed.Length > 0 ? string.Join(", ", allowed) : "nothing";

    /// <summary>Every use, in <paramref name="files"/>, of a type declared in a room the file's room may not use.</summary>
    /// <returns>One line per use: the file, the type, its room, and what the file's room may use.</returns>
    public IReadOnlyList<string> Violations(IReadOnlyList<SourceFile> files)
    {
        var roomOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var type in file.DeclaredTypes)
            {
                roomOf.TryAdd(type, file.Room);
            }
        }

        var violations = new List<string>();
        foreach (var file in files)
        {
            foreach (var name in file.UsedNames.Order(StringComparer.Ordinal))
            {
                if (roomOf.TryGetValue(name, out var other) && !MayUse(file.Room, other))
                {
                    violations.Add($"{Project}/{file.RelativePath} uses {name} ({other}); {file.Room} may use {Describe(file.Room)}.");
                }
            }
        }

        return violations;
    }
}
