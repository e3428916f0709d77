using QqConnect.Client.Testing;

namespace QqConnect.Architecture.Tests;

/// <summary>Every file of a package uses only the rooms its room may use (docs/contributing.md, "Rooms").</summary>
public sealed class RoomRulesTests
{
    public static TheoryData<string> Packages => new(RoomRules.All.Select(rules => rules.Project));

    // Where the extension methods users call are found: AddXxx on services, tokens on HttpContext, UseXxx on the app.
    private static readonly string[] ExtensionNamespaces =
        ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Builder", "Microsoft.EntityFrameworkCore"];

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
            if (file.Room == "Polyfills" || ExtensionNamespaces.Contains(file.Namespace))
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

    [Theory]
    [InlineData(typeof(QqConnect.Client.QqConnectClient))]
    [InlineData(typeof(QqConnect.AspNetCore.QqConnectAuthenticationOptions))]
    public void Packages_ThatShip_UseNoEmulator(Type typeInPackage)
    {
        // The client and the handler run in production: neither references the emulator's assemblies, nor names
        // their namespaces (UseEmulatorInDevelopment lives in its own package, which references them instead).
        string[] emulator = ["QqConnect.Client.Testing", "QqConnect.AspNetCore.Emulator", "QqConnect.Emulator"];
        var references = typeInPackage.Assembly.GetReferencedAssemblies().Select(name => name.Name).ToArray();
        Assert.Empty(references.Intersect(emulator));

        var project = typeInPackage.Assembly.GetName().Name!;
        var uses = SourceFile.ReadProject(RepositoryRoot.Source(project))
            .Where(file => File.ReadAllLines(Path.Combine(RepositoryRoot.Source(project), file.RelativePath))
                .Any(line => emulator.Any(name => line.StartsWith("using " + name, StringComparison.Ordinal))))
            .Select(file => file.RelativePath)
            .ToArray();
        Assert.Empty(uses);
    }

    private static RoomRules RulesOf(string project) => RoomRules.All.Single(rules => rules.Project == project);
}
