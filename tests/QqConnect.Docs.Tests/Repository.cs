namespace QqConnect.Docs.Tests;

/// <summary>Files of the repository this test was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SnippetsDirectory => Path.Combine(Root, "samples", "QqConnect.Snippets");

    /// <summary>The documents whose ```csharp blocks may be snippets: the READMEs and docs/*.md.</summary>
    public static IEnumerable<string> Documents() =>
        new[] { "README.md", "README.zh-CN.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No QqConnect.Client.sln above {AppContext.BaseDirectory}.");
    }
}
