namespace QqConnect.Docs.Tests;

/// <summary>
/// The code in the documents is the code that compiles: each ```csharp block marked
/// <c>&lt;!-- snippet: name --&gt;</c> must equal the region <c>name</c> of samples/QqConnect.Snippets.
/// </summary>
public sealed class DocSnippetTests
{
    public static TheoryData<string> Documents() => new(Repository.Documents());

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_EveryMarkedBlock_EqualsItsCompiledRegion(string document)
    {
        var regions = CompiledRegions.All(Repository.SnippetsDirectory).ToLookup(region => region.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var block in MarkdownCode.Blocks(document, Repository.Read(document)).Where(block => block.Snippet is not null))
        {
            var region = regions[block.Snippet!].FirstOrDefault();
            if (region.Name is null)
            {
                problems.Add($"{document}:{block.Line}: no region '{block.Snippet}' in samples/QqConnect.Snippets");
            }
            else if (SnippetText.FirstDifference(region.Text, block.Code) is { } difference)
            {
                problems.Add($"{document}:{block.Line}: snippet '{block.Snippet}' differs from {region.File}, {difference}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("README.zh-CN.md")]
    public void Readme_EveryCSharpBlock_IsACompiledSnippet(string readme)
    {
        var blocks = MarkdownCode.Blocks(readme, Repository.Read(readme));

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(block.Snippet is not null, $"{readme}:{block.Line}: a ```csharp block without <!-- snippet: name -->"));
    }

    [Fact]
    public void Snippets_EveryRegion_HasOneNameAndIsShownSomewhere()
    {
        var regions = CompiledRegions.All(Repository.SnippetsDirectory);
        var shown = Repository.Documents()
            .SelectMany(document => MarkdownCode.Blocks(document, Repository.Read(document)))
            .Select(block => block.Snippet)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(regions);
        Assert.All(regions.GroupBy(region => region.Name, StringComparer.Ordinal), group => Assert.Single(group));
        Assert.All(regions, region => Assert.True(shown.Contains(region.Name), $"region '{region.Name}' ({region.File}) is in no document"));
    }

    [Fact]
    public void Checker_ChangedLineOrIndentation_IsADifference()
    {
        var compiled = SnippetText.Normalize(["        var x = 1;", "        if (x > 0)", "        {", "            x++;", "        }"]);

        Assert.Null(SnippetText.FirstDifference(compiled, SnippetText.Normalize(["var x = 1;", "if (x > 0)", "{", "    x++;", "}", ""])));
        Assert.Contains("line 4", SnippetText.FirstDifference(compiled, SnippetText.Normalize(["var x = 1;", "if (x > 0)", "{", "x++;", "}"])), StringComparison.Ordinal);
        Assert.Contains("line 1", SnippetText.FirstDifference(compiled, SnippetText.Normalize(["var y = 1;", "if (x > 0)", "{", "    x++;", "}"])), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownCode_MarkerBeforeFence_NamesTheBlock_ProseBetweenUnmarksIt_InlineBackticksOpenNoFence()
    {
        const string text = "```` ```csharp ```` is inline code, not a fence.\n\n"
            + "<!-- snippet: a -->\n```csharp\nvar a = 1;\n```\n\n<!-- snippet: b -->\nSome prose.\n```csharp\nvar b = 2;\n```\n";

        var blocks = MarkdownCode.Blocks("test.md", text);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(("a", "var a = 1;"), (blocks[0].Snippet, blocks[0].Code));
        Assert.Null(blocks[1].Snippet);
    }
}
