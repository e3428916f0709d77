using System.Text;
using System.Text.Json;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>Reads a flat JSON object field by field with <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonFieldReader
{
    // Trailing commas: QQ's own wiki prints a /me error as { "error":100016, "error_description":"…", }; refusing it would turn a
    // clear QQ error into "invalid answer" (protocol reference, "Seen in answers"). Comments are not JSON and QQ
    // never sends them: they are refused (and the reader's comment-skipping path would slow every parse).
    internal static readonly JsonReaderOptions Options = new() { MaxDepth = 16, AllowTrailingCommas = true };

    public static void Read<TSink>(ReadOnlySpan<byte> json, ref TSink sink, ref ErrorFields errors)
        where TSink : struct, IFieldSink
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidBodyException(Strings.BodyNotAnObject);
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Anything but white space after the object makes the reader throw.
                if (reader.Read())
                {
                    throw new InvalidBodyException(Strings.BodyContentAfterObject);
                }

                return;
            }

            var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            reader.Read();
            var value = ReadValue(json, ref reader);
            if (!errors.TryTake(name, ref value))
            {
                sink.Field(name, ref value);
            }
        }

        throw new InvalidBodyException(Strings.BodyObjectNeverCloses);
    }

    // The value at the reader, as spans into the body; a nested object or array is skipped over whole.
    private static FieldValue ReadValue(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        var type = reader.TokenType;
        var start = (int)reader.TokenStartIndex;
        switch (type)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                var whole = json.Slice(start, (int)reader.BytesConsumed - start);
                return FieldValue.Json(whole, whole, type);
            case JsonTokenType.String:
                var content = reader.ValueSpan;
                return FieldValue.Json(json.Slice(start, content.Length + 2), content, type, reader.ValueIsEscaped ? reader.GetString() : null);
            default:
                return FieldValue.Json(reader.ValueSpan, reader.ValueSpan, type);
        }
    }
}
