using System.Text.Json;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>
/// One field's value, whichever shape it came in: a JSON token (string, number, bool, null, or a nested
/// object/array) or a form-encoded value. Holds only spans into the body and converts on demand, so fields a
/// model ignores cost nothing.
/// </summary>
internal readonly ref struct FieldValue
{
    // JSON: the token's bytes as written (strings with their quotes, objects and arrays whole). Form: the encoded value.
    private readonly ReadOnlySpan<byte> _raw;

    // JSON strings: the content between the quotes. Otherwise the same as _raw.
    private readonly ReadOnlySpan<byte> _value;
    private readonly JsonTokenType _type;

    // A JSON string with escapes (QQ writes "http:\/\/..."), unescaped by the reader that found it.
    private readonly string? _unescaped;

    private FieldValue(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> value, JsonTokenType type, string? unescaped)
    {
        _raw = raw;
        _value = value;
        _type = type;
        _unescaped = unescaped;
    }

    /// <summary>A JSON value; <paramref name="raw"/> is the whole token as written.</summary>
    public static FieldValue Json(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> value, JsonTokenType type, string? unescaped = null) => new(raw, value, type, unescaped);

    /// <summary>A form-encoded value.</summary>
    public static FieldValue Form(ReadOnlySpan<byte> encoded) => new(encoded, encoded, JsonTokenType.None, unescaped: null);

    /// <summary>The value as text: JSON strings unescaped, JSON numbers and booleans as written, null as <see langword="null"/>.</summary>
    public string? GetString() => _type switch
    {
        JsonTokenType.None => Utf8Text.FormDecode(_value),
        JsonTokenType.String => _unescaped ?? Utf8Text.GetString(_value),
        JsonTokenType.Number => Utf8Text.GetString(_value),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new InvalidBodyException(Strings.BodyTextIsObject),
    };

    /// <summary>The value as an integer, whether sent as a number or as a string of digits.</summary>
    /// <returns><see langword="false"/> for null, empty or non-numeric values.</returns>
    public bool TryGetInt64(out long value)
    {
        switch (_type)
        {
            case JsonTokenType.None:
                return Utf8Text.TryParseInt64(_value, out value) || long.TryParse(Utf8Text.FormDecode(_value).Trim(), out value);
            case JsonTokenType.Number:
            case JsonTokenType.String when _unescaped is null:
                return Utf8Text.TryParseInt64(_value, out value);
            case JsonTokenType.String:
                return long.TryParse(_unescaped.Trim(), out value);
            case JsonTokenType.True:
                value = 1;
                return true;
            case JsonTokenType.False:
                value = 0;
                return true;
            case JsonTokenType.Null:
                value = 0;
                return false;
            default:
                throw new InvalidBodyException(Strings.BodyNumberIsObject);
        }
    }

    /// <summary>The value as an <see cref="int"/>, or <see langword="null"/> when absent, empty or out of range.</summary>
    public int? GetInt32OrNull() =>
        TryGetInt64(out var value) && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    /// <summary>The value as a detached <see cref="JsonElement"/>, for fields the model does not map.</summary>
    public JsonElement GetElement()
    {
        if (_type != JsonTokenType.None)
        {
            var reader = new Utf8JsonReader(_raw, JsonFieldReader.Options);
            reader.Read();
            return JsonElement.ParseValue(ref reader);
        }

        // A form value is text: keep it as a JSON string.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(Utf8Text.FormDecode(_value));
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
