using System.Text.RegularExpressions;

namespace QqConnect.Docs.Tests;

/// <summary>
/// Finds the ```csharp blocks of a Markdown document. A block is a snippet when the line before its fence
/// (blank lines aside) is <c>&lt;!-- snippet: name --&gt;</c>.
/// </summary>
internal static partial class MarkdownCode
{
    public static IReadOnlyList<CodeBlock> Blocks(string document, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        string? pending = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Marker().Match(line) is { Success: true } marker)
            {
                pending = marker.Groups["name"].Value;
                continue;
            }

            if (IsOpeningFence(line))
            {
                var start = i;
                var code = new List<string>();
                for (i++; i < lines.Length && !IsClosingFence(lines[i].Trim()); i++)
                {
                    code.Add(lines[i]);
                }

                if (string.Equals(line, "```csharp", StringComparison.Ordinal) || pending is not null)
                {
                    blocks.Add(new CodeBlock(document, start + 1, pending, SnippetText.Normalize(code)));
                }

                pending = null;
                continue;
            }

            if (line.Length > 0)
            {
                pending = null;
            }
        }

        return blocks;
    }

    // CommonMark: a fence is three or more backticks, and an opening fence's info string has no backtick
    // (so a line like ```` ```csharp ```` is inline code, not a fence).
    private static bool IsOpeningFence(string line) =>
        line.StartsWith("```", StringComparison.Ordinal) && !line.TrimStart('`').Contains('`', StringComparison.Ordinal);

    private static bool IsClosingFence(string line) => line.Length >= 3 && line.All(c => c == '`');

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>[A-Za-z0-9_.-]+)\s*-->$")]
    private static partial Regex Marker();
}
