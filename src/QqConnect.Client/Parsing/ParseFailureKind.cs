namespace QqConnect.Client.Parsing;

/// <summary>Why an answer gave no result.</summary>
internal enum ParseFailureKind
{
    /// <summary>The body is not a valid answer (shape, JSON, UTF-8, a missing or unusable field).</summary>
    InvalidAnswer,

    /// <summary>The body is QQ's error answer (<c>error</c>, <c>ret</c> or <c>code</c>).</summary>
    QqError,

    /// <summary>A valid answer the SDK refuses (a token issued to another app).</summary>
    Refused,
}
