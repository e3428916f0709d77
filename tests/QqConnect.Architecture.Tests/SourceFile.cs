using System.Text.RegularExpressions;

namespace QqConnect.Architecture.Tests;

/// <summary>
/// One C# source file of a package, read for the room rules: its room (the first folder under the project, or
/// the root), its namespace, the top-level types it declares and the capitalised names its code uses (comments,
/// strings and character literals removed, so a name in a comment or a message is no use).
/// </summary>
internal sealed partial class SourceFile
{
    public const string RootRoom = "(root)";

    private SourceFile(string relativePath, string text)
    {
        RelativePath = relativePath.Replace('\\', '/');
        var slash = RelativePath.IndexOf('/', StringComparison.Ordinal);
        Room = slash < 0 ? RootRoom : RelativePath.Substring(0, slash);
        Folder = RelativePath.LastIndexOf('/') is var last and >= 0 ? RelativePath.Substring(0, last) : string.Empty;
        var code = Strip(text);
        Namespace = NamespacePattern().Match(code) is { Success: true } match ? match.Groups[1].Value : string.Empty;
        DeclaredTypes = TypePattern().Matches(code).Select(m => m.Groups["name"].Value)
            .Concat(DelegatePattern().Matches(code).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        HasPublicType = PublicTypePattern().IsMatch(code);
        UsedNames = NamePattern().Matches(code).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The path under the project, with '/'.</summary>
    public string RelativePath { get; }

    /// <summary>The first folder under the project, or <see cref="RootRoom"/>.</summary>
    public string Room { get; }

    /// <summary>The folder under the project ("Login/Internal"), empty at the root.</summary>
    public string Folder { get; }

    public string Namespace { get; }

    /// <summary>The types declared at the top level (not nested: their declaration starts a line).</summary>
    public IReadOnlyList<string> DeclaredTypes { get; }

    /// <summary>Whether a top-level type of the file is public.</summary>
    public bool HasPublicType { get; }

    public IReadOnlySet<string> UsedNames { get; }

    /// <summary>Reads every .cs file of a project folder, without bin/ and obj/.</summary>
    public static IReadOnlyList<SourceFile> ReadProject(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectDirectory, path))
            .Where(path => !path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => Parse(path, File.ReadAllText(Path.Combine(projectDirectory, path))))
            .ToArray();

    /// <summary>A file from its text (what the tests of the rules themselves use).</summary>
    public static SourceFile Parse(string relativePath, string text) => new(relativePath, text);

    // Comments, then string and character literals (verbatim, raw, interpolated and UTF-8 ones included), in one pass
    // so that a "//" inside a string or a quote inside a comment is read as what it is.
    private static string Strip(string text) => LiteralOrComment().Replace(text, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""""""[\s\S]*?""""""|[$@]*@[$]*""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'", RegexOptions.Singleline)]
    private static partial Regex LiteralOrComment();

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^(?:\[[^\]\n]*\]\s*)*(?:(?:public|internal|file|static|sealed|readonly|ref|partial|abstract|unsafe)\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^(?:(?:public|internal)\s+)?delegate\s+[^(]*?\s(?<name>\w+)\s*(?:<[^>]*>)?\s*\(", RegexOptions.Multiline)]
    private static partial Regex DelegatePattern();

    [GeneratedRegex(@"^(?:\[[^\]\n]*\]\s*)*public\s", RegexOptions.Multiline)]
    private static partial Regex PublicTypePattern();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex NamePattern();
}
