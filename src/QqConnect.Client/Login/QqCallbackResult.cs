using System.Globalization;
using System.Text;

namespace QqConnect.Client;

/// <summary>
/// A parsed QQ login callback (<see cref="QqCallback.Parse(Uri)"/>): an authorization code, a QQ error, a cancel on
/// QQ's mobile page, or not a callback at all. Immutable. Neither <see cref="ToString"/> nor any message built from it contains the code.
/// </summary>
public sealed class QqCallbackResult
{
    private readonly string _message;

    private QqCallbackResult(
        QqCallbackOutcome outcome,
        string? code,
        string? state,
        int? errorCode,
        string? errorDescription,
        string? rawError,
        string message)
    {
        Outcome = outcome;
        Code = code;
        State = state;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        RawError = rawError;
        _message = message;
    }

    /// <summary>What the callback says.</summary>
    public QqCallbackOutcome Outcome { get; }

    /// <summary>Whether the callback carries an authorization code (<see cref="Code"/> is then set).</summary>
    public bool IsSuccess => Outcome == QqCallbackOutcome.Success;

    /// <summary>
    /// The authorization code, on success only; <see langword="null"/> otherwise. A secret: single-use, valid for
    /// 10 minutes. Validate <see cref="State"/> before exchanging it.
    /// </summary>
    public string? Code { get; }

    /// <summary>
    /// The <c>state</c> QQ echoed back, or <see langword="null"/> when there was none. Check it with
    /// <see cref="QqLoginStateProtector.Validate(string?, string?)"/> before using <see cref="Code"/>.
    /// </summary>
    public string? State { get; }

    /// <summary>QQ's numeric error code (such as 100070 or 100010) when <see cref="Outcome"/> is <see cref="QqCallbackOutcome.Error"/> and QQ sent a number.</summary>
    public int? ErrorCode { get; }

    /// <summary>
    /// QQ's description of the error (<c>error_description</c> or <c>msg</c>), decoded, with control and format
    /// characters escaped (<c>\r</c>, <c>\n</c>) and at most 200 characters (then <c>…</c>): the URL comes from anyone, so
    /// the text is safe to log.
    /// </summary>
    public string? ErrorDescription { get; }

    /// <summary>
    /// The <c>error</c> parameter as sent, decoded (control characters escaped, at most 64 characters), for errors that are not a number
    /// (such as <c>access_denied</c>); <see langword="null"/> otherwise.
    /// </summary>
    public string? RawError { get; }

    /// <summary>Creates the exception that describes this failure, or returns <see langword="null"/> on success.</summary>
    /// <returns>
    /// A <see cref="QqConnectApiException"/> (operation <see cref="QqConnectOperation.None"/>) for a QQ error with a
    /// numeric code; a <see cref="QqConnectException"/> of kind <see cref="QqConnectErrorKind.ApiError"/> for an error
    /// without one or a cancel on QQ's mobile page (<see cref="QqCallbackOutcome.Cancelled"/>), or of kind <see cref="QqConnectErrorKind.InvalidResponse"/> when this is not a callback; a new
    /// instance on each call.
    /// </returns>
    public QqConnectException? ToException() => Outcome switch
    {
        QqCallbackOutcome.Success => null,
        QqCallbackOutcome.Error when ErrorCode is { } code =>
            new QqConnectApiException(_message, QqConnectOperation.None, statusCode: null, code, ErrorDescription),
        QqCallbackOutcome.Error or QqCallbackOutcome.Cancelled =>
            new QqConnectException(_message, QqConnectErrorKind.ApiError, QqConnectOperation.None, statusCode: null, innerException: null),
        _ => new QqConnectException(_message, QqConnectErrorKind.InvalidResponse, QqConnectOperation.None, statusCode: null, innerException: null),
    };

    /// <summary>Throws <see cref="ToException"/> unless the callback carries a code.</summary>
    /// <exception cref="QqConnectException">The callback is an error (<see cref="QqConnectApiException"/> when QQ sent a code), a cancel, or not a callback.</exception>
    public void ThrowIfError()
    {
        if (ToException() is { } exception)
        {
            throw exception;
        }
    }

    /// <summary>Describes the result without the authorization code.</summary>
    /// <returns>"Success", the error, or why this is not a callback.</returns>
    public override string ToString() => Outcome == QqCallbackOutcome.Success
        ? $"Success (code: {Internal.SecretRedactor.Mask}, state: {(State is null ? "none" : "present")})"
        : _message;

    internal static QqCallbackResult Success(string code, string? state) =>
        new(QqCallbackOutcome.Success, code, state, errorCode: null, errorDescription: null, rawError: null, "QQ login succeeded.");

    internal static QqCallbackResult Failed(int? errorCode, string? rawError, string? errorDescription, string? state)
    {
        var message = new StringBuilder("QQ login failed");
        if (errorCode is { } code)
        {
            message.Append(" with error ").Append(code.ToString(CultureInfo.InvariantCulture));
            if (QqErrorCodes.Find(code) is { } info)
            {
                message.Append(" (").Append(info.Meaning).Append(')');
            }
        }
        else if (rawError is not null)
        {
            message.Append(" with error '").Append(Printable(rawError)).Append('\'');
        }

        if (!string.IsNullOrWhiteSpace(errorDescription))
        {
            message.Append(": ").Append(Printable(errorDescription!).Trim());
        }

        message.Append('.');
        return new(QqCallbackOutcome.Error, code: null, state, errorCode, errorDescription, rawError, message.ToString());
    }

    internal static QqCallbackResult Cancelled(string? state) =>
        new(QqCallbackOutcome.Cancelled, code: null, state, errorCode: null, errorDescription: null, rawError: null,
            "QQ login cancelled: the user pressed cancel on QQ's mobile login page (usercancel).");

    internal static QqCallbackResult NotCallback(string reason) =>
        new(QqCallbackOutcome.NotCallback, code: null, state: null, errorCode: null, errorDescription: null, rawError: null,
            "Not a QQ login callback: " + reason);

    /// <summary>Text from the URL, made safe for a message or a log line (no line breaks or other control characters).</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
