using System.Net;

namespace QqConnect.Client;

/// <summary>
/// QQ answered a call with an error: <c>error</c>/<c>error_description</c>, <c>code</c>/<c>msg</c>
/// or a non-zero <c>ret</c>, in any of its response shapes.
/// </summary>
public sealed class QqConnectApiException : QqConnectException
{
    /// <summary>Creates the exception for a QQ error answer.</summary>
    /// <param name="message">The message, free of secrets.</param>
    /// <param name="operation">The call that failed.</param>
    /// <param name="statusCode">The HTTP status of the answer (QQ uses 200 for errors).</param>
    /// <param name="errorCode">QQ's error code, such as 100020 or 1002.</param>
    /// <param name="errorDescription">QQ's description of the error (secrets removed, control characters escaped, capped).</param>
    public QqConnectApiException(
        string message,
        QqConnectOperation operation,
        HttpStatusCode? statusCode,
        int errorCode,
        string? errorDescription)
        : base(message, QqConnectErrorKind.ApiError, operation, statusCode, innerException: null)
    {
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    /// <summary>QQ's error code: 100019, 100020, 1002, -1, and so on.</summary>
    public int ErrorCode { get; }

    /// <summary>
    /// QQ's description of the error, or <see langword="null"/> when QQ sent none: as sent, trimmed, with the app key
    /// and the call's secret masked (also URL-encoded), control and format characters escaped (<c>\r</c>, <c>\n</c>,
    /// <c>\u202E</c>) and at most 200 characters (then ending with <c>…</c>). Safe to log.
    /// </summary>
    public string? ErrorDescription { get; }

    /// <summary>What the code means and what to do about it, when the code is a known one.</summary>
    public QqErrorInfo? ErrorInfo => QqErrorCodes.Find(ErrorCode);
}
