namespace QqConnect.Client.Parsing;

/// <summary>
/// The error fields QQ uses, in any shape: <c>error</c>/<c>error_description</c> (OAuth endpoints),
/// <c>code</c>/<c>msg</c> (older form answers), and <c>ret</c>/<c>msg</c> (OpenAPIs such as get_user_info).
/// </summary>
internal struct ErrorFields
{
    private long? _error;
    private string? _errorText;
    private string? _description;
    private long? _ret;
    private long? _code;
    private string? _message;

    /// <summary>Whether the answer reports an error: a non-zero <c>error</c>, <c>ret</c> or <c>code</c>.</summary>
    public readonly bool IsError =>
        (_error is { } error && error != 0) || _errorText is not null || (_ret is { } ret && ret != 0) || (_code is { } code && code != 0);

    /// <summary>The error code: the first non-zero of <c>error</c>, <c>ret</c>, <c>code</c> (0 when the error is not numeric).</summary>
    public readonly int Code => (int)Clamp(NonZero(_error) ?? NonZero(_ret) ?? NonZero(_code) ?? 0);

    /// <summary>The description, from <c>error_description</c> or <c>msg</c>, trimmed.</summary>
    public readonly string? Description
    {
        get
        {
            var text = _description ?? _message ?? _errorText;
            return text?.Trim();
        }
    }

    /// <summary>Takes the field when it is one of the error fields.</summary>
    /// <returns><see langword="true"/> when the field was an error field.</returns>
    public bool TryTake(ReadOnlySpan<byte> name, ref FieldValue value)
    {
        // Most fields are not error fields: dispatch on the length (ret, msg, code, error, error_description).
        switch (name.Length)
        {
            case 3 when name.SequenceEqual("ret"u8):
                _ret = value.TryGetInt64(out var ret) ? ret : null;
                return true;
            case 3 when name.SequenceEqual("msg"u8):
                _message = value.GetString();
                return true;
            case 4 when name.SequenceEqual("code"u8):
                // A numeric code (with msg) is QQ's older error form; anything else is not an error field.
                _code = value.TryGetInt64(out var code) ? code : null;
                return true;
            case 5 when name.SequenceEqual("error"u8):
                if (value.TryGetInt64(out var error))
                {
                    _error = error;
                }
                else if (value.GetString() is { Length: > 0 } text && text.Trim().Length > 0)
                {
                    // A non-numeric error such as "access_denied"; an empty one is no error.
                    _errorText = text;
                }

                return true;
            case 17 when name.SequenceEqual("error_description"u8):
                _description = value.GetString();
                return true;
            default:
                return false;
        }
    }

    private static long? NonZero(long? value) => value is { } number && number != 0 ? number : null;

    private static long Clamp(long value) => Math.Max(int.MinValue, Math.Min(int.MaxValue, value));
}
