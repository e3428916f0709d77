using System.Text.RegularExpressions;

namespace QqConnect.Docs.Tests;

/// <summary>Following the documents' commands in a clone leaves no untracked folder behind.</summary>
public sealed partial class GitIgnoreTests
{
    [Fact]
    public void DocumentedOutputFolders_AreIgnoredAtTheCloneRoot()
    {
        var ignored = Repository.Read(".gitignore").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var folders = Repository.Documents()
            .SelectMany(document => OutputFolder().Matches(Repository.Read(document)).Select(match => match.Groups["folder"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["nupkgs", "tools"], folders.Order(StringComparer.Ordinal));
        Assert.All(folders, folder => Assert.Contains("/" + folder + "/", ignored));
    }

    [GeneratedRegex(@"(?:\s-o|--output|--tool-path)\s+\./(?<folder>[A-Za-z0-9_.-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex OutputFolder();
}
