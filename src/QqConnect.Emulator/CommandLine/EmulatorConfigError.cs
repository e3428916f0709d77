using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// Turns the JSON reader's complaint about a configuration file into one plain line: the file, the line and column
/// counted from 1, the key, and what it expects — in words, without .NET type names, in English and Chinese.
/// </summary>
internal static partial class EmulatorConfigError
{
    /// <summary>The refusal of a file that is not JSON at all.</summary>
    public static UsageException NotJson(string file, JsonException exception)
    {
        var (line, column) = Where(exception);
        return new UsageException(
            $"{file}: {WhereEnglish(line, column)}: not valid JSON (look for a missing quote, comma or bracket).",
            $"{file}：{WhereChinese(line, column)}：不是有效的 JSON，请检查是否缺少引号、逗号或括号。",
            exception);
    }

    /// <summary>
    /// The refusal of a key given twice in one object (keys are matched ignoring case, as they are read), or null when
    /// none is: the JSON reader would silently keep the last one.
    /// </summary>
    public static UsageException? DuplicateKey(string file, string text)
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
                        var (line, column) = Where(bytes, reader.TokenStartIndex);
                        return new UsageException(
                            $"{file}: {WhereEnglish(line, column)}: key '{key}' is given twice; give each key once.",
                            $"{file}：{WhereChinese(line, column)}：键 '{key}' 出现了两次；每个键只写一次。");
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

    /// <summary>The refusal of valid JSON with a key or value the configuration does not take.</summary>
    public static UsageException WrongShape(string file, JsonException exception)
    {
        var (line, column) = Where(exception);
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
                var unknown = key + (key.Length > 0 ? "." : "") + name;
                var keys = string.Join(", ", info.Properties.Select(known => known.Name));
                return new UsageException(
                    $"{file}: {WhereEnglish(line, column)}: unknown key '{unknown}'; the keys here are {keys}.",
                    $"{file}：{WhereChinese(line, column)}：未知的键 '{unknown}'；这里可用的键是 {keys}。",
                    exception);
            }

            key += (key.Length > 0 ? "." : "") + property.Name;
            info = EmulatorConfigJsonContext.Default.GetTypeInfo(property.PropertyType)!;
        }

        var (english, chinese) = Expected(info);
        return new UsageException(
            $"{file}: {WhereEnglish(line, column)}: {(key.Length > 0 ? key : "the configuration")} must be {english}.",
            $"{file}：{WhereChinese(line, column)}：{(key.Length > 0 ? key + " " : "配置")}必须是{chinese}。",
            exception);
    }

    /// <summary>An argument exception's message without its <c>(Parameter '…')</c> suffix, on one line.</summary>
    public static string Plain(ArgumentException exception)
    {
        var message = exception.ParamName is { } name
            ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;
        return message.ReplaceLineEndings(" ");
    }

    /// <summary>The line and column of the reader's complaint, counted from 1.</summary>
    private static (long Line, long Column) Where(JsonException exception) =>
        ((exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1);

    private static (long Line, long Column) Where(byte[] bytes, long offset)
    {
        var start = Array.LastIndexOf(bytes, (byte)'\n', (int)Math.Max(offset - 1, 0)) + 1;
        var line = 1 + bytes.AsSpan(0, start).Count((byte)'\n');
        return (line, offset - start + 1);
    }

    private static string WhereEnglish(long line, long column) =>
        string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", line, column);

    private static string WhereChinese(long line, long column) =>
        string.Format(CultureInfo.InvariantCulture, "第 {0} 行第 {1} 列", line, column);

    /// <summary>What the key takes, in English and in Chinese (which follows 必须是 directly: a Latin word gets a space).</summary>
    private static (string English, string Chinese) Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type switch
        {
            _ when type == typeof(string) => ("a string", "字符串"),
            _ when type == typeof(bool) => ("true or false", " true 或 false"),
            _ when type == typeof(int) || type == typeof(long) => ("a whole number", "整数"),
            { IsEnum: true } => ("one of " + string.Join(", ", Enum.GetNames(type)), " " + string.Join(", ", Enum.GetNames(type)) + " 之一"),
            _ when info.Kind == JsonTypeInfoKind.Enumerable => ("a list [ ... ]", "列表 [ ... ]"),
            _ => ("an object { ... }", "对象 { ... }"),
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
