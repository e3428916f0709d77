using System.Text.RegularExpressions;

namespace QqConnect.Docs.Tests;

/// <summary>The <c>#region name</c> … <c>#endregion</c> pieces of the snippets project's sources.</summary>
internal static partial class CompiledRegions
{
    /// <summary>Every region as (name, file, text); a name may appear twice here, which a test refuses.</summary>
    public static IReadOnlyList<(string Name, string File, string Text)> All(string directory)
    {
        var regions = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                     .Where(path => !IsBuildOutput(directory, path))
                     .Order(StringComparer.Ordinal))
        {
            var open = new Stack<(string Name, List<string> Lines)>();
            foreach (var line in File.ReadAllLines(file))
            {
                var trimmed = line.Trim();
                if (Start().Match(trimmed) is { Success: true } start)
                {
                    open.Push((start.Groups["name"].Value, []));
                    continue;
                }

                if (trimmed.StartsWith("#endregion", StringComparison.Ordinal))
                {
                    var (name, lines) = open.Pop();
                    regions.Add((name, Path.GetRelativePath(directory, file), SnippetText.Normalize(lines)));
                    continue;
                }

                foreach (var (_, lines) in open)
                {
                    lines.Add(line);
                }
            }
        }

        return regions;
    }

    private static bool IsBuildOutput(string directory, string path)
    {
        var first = Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    [GeneratedRegex(@"^#region\s+(?<name>[A-Za-z0-9_.-]+)$")]
    private static partial Regex Start();
}
