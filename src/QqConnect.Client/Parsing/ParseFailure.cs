namespace QqConnect.Client.Parsing;

/// <summary>
/// Why an answer gave no result, as the parsers see it: what was wrong with the body, or QQ's error code and text,
/// or why a valid answer is refused. The parsers know nothing of the call; the transport turns this into the call's
/// <see cref="QqConnectException"/> (with its operation, status and secrets redacted).
/// </summary>
internal sealed class ParseFailure
{
    private ParseFailure(ParseFailureKind kind, string? detail, int code, string? description)
    {
        Kind = kind;
        Detail = detail;
        Code = code;
        Description = description;
    }

    public ParseFailureKind Kind { get; }

    /// <summary>
    /// <see cref="ParseFailureKind.InvalidAnswer"/>: what the body is, completing "QQ Connect answered … with …";
    /// <see cref="ParseFailureKind.Refused"/>: the whole message.
    /// </summary>
    public string? Detail { get; }

    /// <summary><see cref="ParseFailureKind.QqError"/>: QQ's error code.</summary>
    public int Code { get; }

    /// <summary><see cref="ParseFailureKind.QqError"/>: QQ's error text as sent; <see cref="ParseFailureKind.Refused"/>: the reason to log.</summary>
    public string? Description { get; }

    public static ParseFailure InvalidAnswer(string what) => new(ParseFailureKind.InvalidAnswer, what, 0, null);

    public static ParseFailure QqError(int code, string? description) => new(ParseFailureKind.QqError, null, code, description);

    public static ParseFailure Refused(string message, string logReason) => new(ParseFailureKind.Refused, message, 0, logReason);
}
