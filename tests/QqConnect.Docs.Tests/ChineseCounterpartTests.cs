using System.Text.RegularExpressions;

namespace QqConnect.Docs.Tests;

/// <summary>
/// Every user doc has a complete Chinese counterpart (NAME.zh-CN.md): the two link to each other at the top, have the
/// same number of headings at each level, and show the same snippet regions. Contributor-only docs may stay English.
/// </summary>
public sealed partial class ChineseCounterpartTests
{
    private static readonly string[] EnglishOnly = ["docs/contributing.md", "docs/fuzzing.md"];

    public static TheoryData<string> UserDocs() => new(EnglishUserDocs());

    private static IEnumerable<string> EnglishUserDocs() =>
        Repository.Documents().Where(path => !path.EndsWith(".zh-CN.md", StringComparison.Ordinal) && !EnglishOnly.Contains(path));

    private static string Counterpart(string english) => english[..^".md".Length] + ".zh-CN.md";

    [Theory]
    [MemberData(nameof(UserDocs))]
    public void UserDoc_HasAChineseCounterpart_LinkedBothWaysAtTheTop(string english)
    {
        var chinese = Counterpart(english);
        Assert.True(File.Exists(Path.Combine(Repository.Root, chinese)), $"{english} has no Chinese counterpart {chinese}.");
        Assert.Contains($"]({Path.GetFileName(chinese)})", Top(Repository.Read(english)), StringComparison.Ordinal);
        Assert.Contains($"]({Path.GetFileName(english)})", Top(Repository.Read(chinese)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UserDocs))]
    public void UserDoc_AndItsChineseCounterpart_HaveTheSameHeadingsPerLevel(string english)
    {
        var chinese = Counterpart(english);
        Assert.True(File.Exists(Path.Combine(Repository.Root, chinese)), $"{english} has no Chinese counterpart {chinese}.");
        Assert.Equal(HeadingLevels(Repository.Read(english)), HeadingLevels(Repository.Read(chinese)));
    }

    [Theory]
    [MemberData(nameof(UserDocs))]
    public void UserDoc_AndItsChineseCounterpart_ShowTheSameSnippetRegions(string english)
    {
        var chinese = Counterpart(english);
        Assert.True(File.Exists(Path.Combine(Repository.Root, chinese)), $"{english} has no Chinese counterpart {chinese}.");
        Assert.Equal(Regions(english), Regions(chinese));
    }

    [Fact]
    public void Checker_CountsHeadingsOutsideCodeBlocksOnly_PerLevel()
    {
        const string Text = "# Title\n\n## One\n\n```sh\n# a shell comment, not a heading\n```\n\n### One.1\n\n## Two\n";

        Assert.Equal(["1:1", "2:2", "3:1"], HeadingLevels(Text));
    }

    [Fact]
    public void EnglishOnlyDocs_StillExist()
    {
        Assert.All(EnglishOnly, path => Assert.True(File.Exists(Path.Combine(Repository.Root, path)), path));
    }

    // The first lines: the title and the language line under it.
    private static string Top(string text) => string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Take(6));

    /// <summary>"level:count" for each heading level used, outside fenced code.</summary>
    private static string[] HeadingLevels(string text)
    {
        var counts = new SortedDictionary<int, int>();
        var inFence = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence && Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups["hashes"].Value.Length;
                counts[level] = counts.GetValueOrDefault(level) + 1;
            }
        }

        return [.. counts.Select(pair => $"{pair.Key}:{pair.Value}")];
    }

    private static string[] Regions(string document) =>
        [.. MarkdownCode.Blocks(document, Repository.Read(document)).Where(block => block.Snippet is not null).Select(block => block.Snippet!).Order(StringComparer.Ordinal)];

    [GeneratedRegex("^(?<hashes>#{1,6}) ")]
    private static partial Regex Heading();
}
