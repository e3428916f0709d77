using System.Text.RegularExpressions;

namespace QqConnect.Docs.Tests;

/// <summary>
/// Finds the C# blocks (```csharp, ```cs, ```c#) of a Markdown document, and any block marked as a snippet. A block is a snippet when the line before its fence
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

                if (IsCSharp(line) || pending is not null)
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

    // The info strings GitHub highlights as C#: a block fenced ```cs or ```c# is C# too, so it cannot dodge the check.
    private static bool IsCSharp(string fence) =>
        fence.TrimStart('`').Trim().Split(' ', 2)[0].ToLowerInvariant() is "csharp" or "cs" or "c#";

    private static bool IsClosingFence(string line) => line.Length >= 3 && line.All(c => c == '`');

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>[A-Za-z0-9_.-]+)\s*-->$")]
    private static partial Regex Marker();
}
