using System.Text;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// A parsed QQ login callback (<see cref="QqCallback.Parse(Uri)"/>): an authorization code, a QQ error, a cancel on
/// QQ's mobile page, or not a callback at all. Immutable. Neither <see cref="ToString"/> nor any message built from it contains the code.
/// </summary>
public sealed class QqCallbackResult
{
    // Not-a-callback: the resource naming the reason, and its argument (a parameter's name). The message itself is
    // made when asked for (ToString, ToException), in the language of the UI culture at that time.
    private readonly string? _reasonKey;
    private readonly string? _reasonArgument;

    private QqCallbackResult(
        QqCallbackOutcome outcome,
        string? code,
        string? state,
        int? errorCode,
        string? errorDescription,
        string? rawError,
        string? reasonKey = null,
        string? reasonArgument = null)
    {
        Outcome = outcome;
        Code = code;
        State = state;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        RawError = rawError;
        _reasonKey = reasonKey;
        _reasonArgument = reasonArgument;
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
            new QqConnectApiException(Message(), QqConnectOperation.None, statusCode: null, code, ErrorDescription),
        QqCallbackOutcome.Error or QqCallbackOutcome.Cancelled =>
            new QqConnectException(Message(), QqConnectErrorKind.ApiError, QqConnectOperation.None, statusCode: null, innerException: null),
        _ => new QqConnectException(Message(), QqConnectErrorKind.InvalidResponse, QqConnectOperation.None, statusCode: null, innerException: null),
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

    /// <summary>Describes the result without the authorization code, in the language of the current UI culture.</summary>
    /// <returns>"Success", the error, or why this is not a callback.</returns>
    public override string ToString() => Outcome == QqCallbackOutcome.Success
        ? $"Success (code: {Internal.SecretRedactor.Mask}, state: {(State is null ? "none" : "present")})"
        : Message();

    internal static QqCallbackResult Success(string code, string? state) =>
        new(QqCallbackOutcome.Success, code, state, errorCode: null, errorDescription: null, rawError: null);

    internal static QqCallbackResult Failed(int? errorCode, string? rawError, string? errorDescription, string? state) =>
        new(QqCallbackOutcome.Error, code: null, state, errorCode, errorDescription, rawError);

    internal static QqCallbackResult Cancelled(string? state) =>
        new(QqCallbackOutcome.Cancelled, code: null, state, errorCode: null, errorDescription: null, rawError: null);

    internal static QqCallbackResult NotCallback(string reasonKey, string? argument = null) =>
        new(QqCallbackOutcome.NotCallback, code: null, state: null, errorCode: null, errorDescription: null, rawError: null, reasonKey, argument);

    /// <summary>The message of <see cref="ToException"/> and <see cref="ToString"/>, in the current UI culture's language.</summary>
    private string Message()
    {
        switch (Outcome)
        {
            case QqCallbackOutcome.Success:
                return Strings.CallbackSucceeded;
            case QqCallbackOutcome.Cancelled:
                return Strings.CallbackCancelled;
            case QqCallbackOutcome.NotCallback:
                return Messages.Format(Strings.NotCallback, Messages.Format(Messages.Get(_reasonKey!, culture: null), _reasonArgument));
        }

        var description = string.IsNullOrWhiteSpace(ErrorDescription) ? null : Printable(ErrorDescription!).Trim();
        if (ErrorCode is { } code)
        {
            if (QqErrorCodes.Find(code) is { } info)
            {
                return description is null
                    ? Messages.Format(Strings.CallbackFailedKnownCode, code, info.Meaning)
                    : Messages.Format(Strings.CallbackFailedKnownCodeWithDescription, code, info.Meaning, description);
            }

            return description is null
                ? Messages.Format(Strings.CallbackFailedCode, code)
                : Messages.Format(Strings.CallbackFailedCodeWithDescription, code, description);
        }

        if (RawError is not null)
        {
            return description is null
                ? Messages.Format(Strings.CallbackFailedRawError, Printable(RawError))
                : Messages.Format(Strings.CallbackFailedRawErrorWithDescription, Printable(RawError), description);
        }

        return description is null ? Strings.CallbackFailed : Messages.Format(Strings.CallbackFailedWithDescription, description);
    }

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
