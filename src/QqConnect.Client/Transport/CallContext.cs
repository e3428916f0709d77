using System.Net;
using QqConnect.Client.Internal;
using QqConnect.Client.Parsing;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Transport;

/// <summary>
/// What one call is: which operation, which secrets it carries (to keep them out of every message), and the HTTP
/// status once the answer arrived. Makes the call's exceptions, also from a parser's <see cref="ParseFailure"/>.
/// </summary>
internal readonly struct CallContext
{
    private readonly string? _appKey;
    private readonly string? _secret;

    public CallContext(QqConnectOperation operation, string? appKey, string? secret, HttpStatusCode? statusCode = null)
    {
        Operation = operation;
        _appKey = appKey;
        _secret = secret;
        StatusCode = statusCode;
    }

    public QqConnectOperation Operation { get; }

    public HttpStatusCode? StatusCode { get; }

    public CallContext WithStatus(HttpStatusCode statusCode) => new(Operation, _appKey, _secret, statusCode);

    /// <summary>Replaces this call's secrets in <paramref name="text"/>.</summary>
    public string Redact(string text) => SecretRedactor.Redact(SecretRedactor.Redact(text, _appKey), _secret);

    /// <summary>The call's exception for a parser's failure: an invalid answer, QQ's error, or a refused answer.</summary>
    public QqConnectException Fail(ParseFailure failure) => failure.Kind switch
    {
        ParseFailureKind.InvalidAnswer => InvalidResponse(failure.Detail!),
        ParseFailureKind.QqError => ApiError(failure.Code, failure.Description),
        _ => Fail(QqConnectErrorKind.SecurityCheck, failure.Detail!),
    };

    public QqConnectException InvalidResponse(string what) =>
        Fail(QqConnectErrorKind.InvalidResponse, Messages.Format(Strings.InvalidResponse, Operation, what));

    public QqConnectException Fail(QqConnectErrorKind kind, string message, Exception? inner = null) =>
        new(Redact(message), kind, Operation, StatusCode, inner);

    public QqConnectApiException ApiError(int code, string? description)
    {
        // QQ's text is echoed redacted (the app key and this call's secret, also URL-encoded), with control
        // characters escaped (no forged log lines) and capped. Redacted before the cap (a secret cut by it would
        // leave a prefix) and again after escaping: an escape such as "\u0014" can spell a secret's first digits.
        description = description is null ? null : Redact(EchoedText.Clean(Redact(description)));
        var info = QqErrorCodes.Find(code);
        // In the language of the current UI culture; the meaning and advice are read once, in that same language.
        var message = (info, string.IsNullOrEmpty(description)) switch
        {
            (null, true) => Messages.Format(Strings.ApiErrorUnknown, Operation, code),
            (null, false) => Messages.Format(Strings.ApiErrorUnknownWithDescription, Operation, code, description),
            (_, true) => Messages.Format(Strings.ApiErrorKnown, Operation, code, info.Meaning, info.Advice),
            (_, false) => Messages.Format(Strings.ApiErrorKnownWithDescription, Operation, code, info.Meaning, description, info.Advice),
        };
        return new QqConnectApiException(message, Operation, StatusCode, code, description);
    }
}
