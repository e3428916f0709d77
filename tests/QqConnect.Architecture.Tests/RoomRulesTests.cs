using QqConnect.Client.Testing;

namespace QqConnect.Architecture.Tests;

/// <summary>Every file of a package uses only the rooms its room may use (docs/contributing.md, "Rooms").</summary>
public sealed class RoomRulesTests
{
    public static TheoryData<string> Packages => new() { RoomRules.Client.Project, RoomRules.Emulator.Project };

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryFile_UsesOnlyTheRoomsItsRoomMayUse(string project)
    {
        var rules = RulesOf(project);
        var violations = rules.Violations(SourceFile.ReadProject(RepositoryRoot.Source(project)));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryFolder_IsARoomWithARule(string project)
    {
        var rules = RulesOf(project);
        var unknown = SourceFile.ReadProject(RepositoryRoot.Source(project))
            .Where(file => !rules.IsKnown(file.Room))
            .Select(file => $"{project}/{file.RelativePath}: room {file.Room} has no rule (RoomRules, docs/contributing.md)")
            .ToArray();
        Assert.True(unknown.Length == 0, string.Join(Environment.NewLine, unknown));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void InternalNamespaces_FollowTheirFolders(string project)
    {
        var wrong = new List<string>();
        foreach (var file in SourceFile.ReadProject(RepositoryRoot.Source(project)))
        {
            // Polyfills declare the BCL's own types; the DI extensions live where AddXxx methods are found.
            if (file.Room == "Polyfills" || file.Namespace == "Microsoft.Extensions.DependencyInjection")
            {
                continue;
            }

            var folderNamespace = file.Folder.Length == 0 ? project : project + "." + file.Folder.Replace('/', '.');
            var expected = file.HasPublicType ? project : folderNamespace;
            if (file.Namespace != expected)
            {
                wrong.Add($"{project}/{file.RelativePath}: namespace {file.Namespace}, expected {expected} ({(file.HasPublicType ? "public types stay in the package's namespace" : "internal code follows its folder")})");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Emulator_UsesNothingOfTheClient()
    {
        // An independent reading of the protocol: neither the client's assembly nor its namespaces.
        var references = typeof(QqConnectEmulator).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToArray();
        Assert.DoesNotContain("QqConnect.Client", references);
        var uses = SourceFile.ReadProject(RepositoryRoot.Source(RoomRules.Emulator.Project))
            .Where(file => File.ReadAllLines(Path.Combine(RepositoryRoot.Source(RoomRules.Emulator.Project), file.RelativePath))
                .Any(line => line.StartsWith("using QqConnect.Client", StringComparison.Ordinal) && !line.StartsWith("using QqConnect.Client.Testing", StringComparison.Ordinal)))
            .Select(file => file.RelativePath)
            .ToArray();
        Assert.Empty(uses);
    }

    private static RoomRules RulesOf(string project) =>
        project == RoomRules.Client.Project ? RoomRules.Client : RoomRules.Emulator;
}
