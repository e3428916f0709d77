using System.Text.Json;

namespace QqConnect.Client.Parsing;

/// <summary>
/// One field's value, whichever shape it came in: a JSON token (string, number, bool, null, or a
/// nested object/array) or a form-encoded value. Converts on demand, so fields a model ignores cost nothing.
/// </summary>
internal ref struct FieldValue
{
    private Utf8JsonReader _json;
    private readonly ReadOnlySpan<byte> _form;
    private readonly bool _isJson;

    public FieldValue(Utf8JsonReader json)
    {
        _json = json;
        _form = default;
        _isJson = true;
    }

    public FieldValue(ReadOnlySpan<byte> formValue)
    {
        _json = default;
        _form = formValue;
        _isJson = false;
    }

    /// <summary>The value as text: JSON strings unescaped, JSON numbers and booleans as written, null as <see langword="null"/>.</summary>
    public readonly string? GetString()
    {
        if (!_isJson)
        {
            return Utf8Text.FormDecode(_form);
        }

        return _json.TokenType switch
        {
            JsonTokenType.String => _json.GetString(),
            JsonTokenType.Number => Utf8Text.GetString(_json.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new InvalidBodyException("a field that should be text is a JSON object or array"),
        };
    }

    /// <summary>The value as an integer, whether sent as a number or as a string of digits.</summary>
    /// <returns><see langword="false"/> for null, empty or non-numeric values.</returns>
    public readonly bool TryGetInt64(out long value)
    {
        if (!_isJson)
        {
            return Utf8Text.TryParseInt64(_form, out value) || long.TryParse(Utf8Text.FormDecode(_form).Trim(), out value);
        }

        switch (_json.TokenType)
        {
            case JsonTokenType.Number:
                return _json.TryGetInt64(out value);
            case JsonTokenType.String when !_json.ValueIsEscaped:
                return Utf8Text.TryParseInt64(_json.ValueSpan, out value);
            case JsonTokenType.String:
                return long.TryParse(_json.GetString()!.Trim(), out value);
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
                throw new InvalidBodyException("a field that should be a number is a JSON object or array");
        }
    }

    /// <summary>The value as an <see cref="int"/>, or <see langword="null"/> when absent, empty or out of range.</summary>
    public readonly int? GetInt32OrNull() =>
        TryGetInt64(out var value) && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    /// <summary>The value as a detached <see cref="JsonElement"/>, for fields the model does not map.</summary>
    public JsonElement GetElement()
    {
        if (_isJson)
        {
            return JsonElement.ParseValue(ref _json);
        }

        // A form value is text: keep it as a JSON string.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(Utf8Text.FormDecode(_form));
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
