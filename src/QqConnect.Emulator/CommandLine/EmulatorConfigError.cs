using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The line for a key given twice in one object (keys are matched ignoring case, as they are read), or null when
    /// none is: the JSON reader would silently keep the last one.
    /// </summary>
    public static string? DuplicateKey(string file, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var frames = new Stack<Frame>();
        var name = "";
        while (reader.Read())
        {
            var parent = frames.Count > 0 ? frames.Peek() : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString()!;
                    if (!parent!.Keys!.Add(name))
                    {
                        var key = parent.Path.Length > 0 ? parent.Path + "." + name : name;
                        return $"{file}: {Where(bytes, reader.TokenStartIndex)}: key '{key}' is given twice; give each key once.";
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    continue;
            }

            var path = parent switch
            {
                null => "",
                { Keys: null } => $"{parent.Path}[{parent.Index++}]",
                _ => parent.Path.Length > 0 ? parent.Path + "." + name : name,
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null));
            }
        }

        return null;
    }

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

    private static string Where(byte[] bytes, long offset)
    {
        var start = Array.LastIndexOf(bytes, (byte)'\n', (int)Math.Max(offset - 1, 0)) + 1;
        var line = 1 + bytes.AsSpan(0, start).Count((byte)'\n');
        return string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", line, offset - start + 1);
    }

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

    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int Index { get; set; }
    }
}
