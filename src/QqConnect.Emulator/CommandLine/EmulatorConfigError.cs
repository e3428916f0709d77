using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// Turns the JSON reader's complaint about a configuration file into one plain line: the file, the line and column
/// counted from 1, the key, and what it expects — in words, without .NET type names.
/// </summary>
internal static partial class EmulatorConfigError
{
    /// <summary>The line for a file that is not JSON at all.</summary>
    public static string NotJson(string file, JsonException exception) =>
        $"{file}: {Where(exception)}: not valid JSON (look for a missing quote, comma or bracket).";

    /// <summary>The line for valid JSON with a key or value the configuration does not take.</summary>
    public static string WrongShape(string file, JsonException exception)
    {
        JsonTypeInfo info = EmulatorConfigJsonContext.Default.EmulatorConfig;
        var key = "";
        foreach (Match segment in PathSegment().Matches(exception.Path ?? "$"))
        {
            if (segment.Groups["index"].Success)
            {
                key += "[" + segment.Groups["index"].Value + "]";
                info = info.ElementType is { } element ? EmulatorConfigJsonContext.Default.GetTypeInfo(element)! : info;
                continue;
            }

            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = info.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return $"{file}: {Where(exception)}: unknown key '{key + (key.Length > 0 ? "." : "") + name}'; the keys here are {string.Join(", ", info.Properties.Select(known => known.Name))}.";
            }

            key += (key.Length > 0 ? "." : "") + property.Name;
            info = EmulatorConfigJsonContext.Default.GetTypeInfo(property.PropertyType)!;
        }

        return $"{file}: {Where(exception)}: {(key.Length > 0 ? key : "the configuration")} must be {Expected(info)}.";
    }

    /// <summary>An argument exception's message without its <c>(Parameter '…')</c> suffix, on one line.</summary>
    public static string Plain(ArgumentException exception)
    {
        var message = exception.ParamName is { } name
            ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;
        return message.ReplaceLineEndings(" ");
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
            _ when info.Kind == JsonTypeInfoKind.Enumerable => "a list [ ... ]",
            _ => "an object { ... }",
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^']|'')*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();
}
