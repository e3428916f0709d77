using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace QqConnect.Emulator.Control;

/// <summary>
/// Turns the JSON reader's complaint about a control request's body into one plain sentence: where (line and column
/// from 1), the key, and what it expects — without .NET type names.
/// </summary>
internal static partial class ControlJsonError
{
    /// <summary>The sentence for a body that is not JSON at all.</summary>
    public static string NotJson(JsonException exception) =>
        $"the body is not valid JSON ({Where(exception)}; look for a missing quote, comma or bracket)";

    /// <summary>The sentence for valid JSON with a key or value that <paramref name="root"/> does not take.</summary>
    public static string WrongShape(JsonException exception, JsonTypeInfo root)
    {
        var info = root;
        var key = "";
        foreach (Match segment in PathSegment().Matches(exception.Path ?? "$"))
        {
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = info.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return $"unknown key '{name}' ({Where(exception)}); the keys are {string.Join(", ", info.Properties.Select(known => known.Name))}";
            }

            key = property.Name;
            info = ControlJsonContext.Default.GetTypeInfo(property.PropertyType)!;
        }

        return $"{(key.Length > 0 ? key : "the body")} must be {Expected(info)} ({Where(exception)})";
    }

    private static string Where(JsonException exception) => string.Format(
        CultureInfo.InvariantCulture,
        "line {0}, column {1}",
        (exception.LineNumber ?? 0) + 1,
        (exception.BytePositionInLine ?? 0) + 1);

    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ => "a JSON object { ... }",
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();
}
