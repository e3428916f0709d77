namespace QqConnect.Docs.Tests;

/// <summary>Code text as a reader sees it: no trailing white space, no blank edges, no common indentation.</summary>
internal static class SnippetText
{
    public static string Normalize(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(line => line.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[0].Length == 0)
        {
            trimmed.RemoveAt(0);
        }

        while (trimmed.Count > 0 && trimmed[^1].Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        var indent = trimmed.Where(line => line.Length > 0).Select(line => line.Length - line.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", trimmed.Select(line => line.Length == 0 ? line : line[indent..]));
    }

    /// <summary>Where two texts first differ, for a failure message; <see langword="null"/> when they are equal.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(end)";
            var r = i < right.Length ? right[i] : "(end)";
            if (!string.Equals(l, r, StringComparison.Ordinal))
            {
                return $"line {i + 1}: compiled \"{l}\" but the document shows \"{r}\"";
            }
        }

        return "the texts differ";
    }
}
