using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace QqConnect.Client.Transport;

/// <summary>Decides which failures may be retried, by whether the call is idempotent.</summary>
internal static class FailureClassifier
{
    /// <summary>
    /// A read (<c>/me</c>, get_user_info) may be retried after any transient failure: a connection failure,
    /// an attempt timeout, or HTTP 5xx, 408 or 429.
    /// </summary>
    public static bool IsTransientForRead(Exception? exception) => exception switch
    {
        QqConnectException { Kind: QqConnectErrorKind.Transport } => true,
        QqConnectException { Kind: QqConnectErrorKind.HttpStatus, StatusCode: { } status } => IsTransientStatus(status),
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>
    /// A call that consumes a single-use code or refresh token may be retried only when the failure proves the
    /// request never reached QQ: name resolution failed or the connection was refused. Never after a timeout,
    /// a reset mid-request or an HTTP error, when QQ may already have used the value.
    /// </summary>
    public static bool IsSafeForSingleUse(Exception? exception) =>
        exception is QqConnectException { Kind: QqConnectErrorKind.Transport } failure && NeverReachedServer(failure.InnerException);

    private static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (int)status == 429;

    private static bool NeverReachedServer(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
#if NET8_0_OR_GREATER
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return true;
            }
#endif
            // .NET Framework's HttpClientHandler reports a name that does not resolve this way, without a SocketException.
            if (current is WebException { Status: WebExceptionStatus.NameResolutionFailure })
            {
                return true;
            }

            if (current is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.TryAgain or SocketError.NoData or SocketError.NoRecovery;
            }
        }

        return false;
    }
}
