using System.Net;

namespace QqConnect.Client;

/// <summary>
/// The base of every failure the SDK raises for a QQ Connect call: a QQ error answer
/// (<see cref="QqConnectApiException"/>), an unreadable answer, an HTTP status other than 2xx,
/// a transport failure or a timeout. Messages never contain the app key, a code or a token.
/// </summary>
public class QqConnectException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message, free of secrets.</param>
    public QqConnectException(string message)
        : this(message, QqConnectErrorKind.InvalidResponse, QqConnectOperation.None, statusCode: null, innerException: null)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message, free of secrets.</param>
    /// <param name="innerException">The cause.</param>
    public QqConnectException(string message, Exception? innerException)
        : this(message, QqConnectErrorKind.Transport, QqConnectOperation.None, statusCode: null, innerException)
    {
    }

    /// <summary>Creates an exception that says which call failed and how.</summary>
    /// <param name="message">The message, free of secrets.</param>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="operation">The call that failed.</param>
    /// <param name="statusCode">The HTTP status of the answer, when one arrived.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QqConnectException(
        string message,
        QqConnectErrorKind kind,
        QqConnectOperation operation,
        HttpStatusCode? statusCode,
        Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>What kind of failure this is.</summary>
    public QqConnectErrorKind Kind { get; }

    /// <summary>The call that failed.</summary>
    public QqConnectOperation Operation { get; }

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }
}
