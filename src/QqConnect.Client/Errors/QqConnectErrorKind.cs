namespace QqConnect.Client;

/// <summary>What kind of failure a <see cref="QqConnectException"/> reports.</summary>
public enum QqConnectErrorKind
{
    /// <summary>QQ answered with an error code (<see cref="QqConnectApiException"/>).</summary>
    ApiError = 0,

    /// <summary>The answer could not be read as any QQ Connect response shape, or lacked a required field.</summary>
    InvalidResponse = 1,

    /// <summary>The answer was larger than <see cref="QqConnectOptions.MaxResponseBodySize"/>.</summary>
    ResponseTooLarge = 2,

    /// <summary>QQ answered with an HTTP status other than 2xx; see <see cref="QqConnectException.StatusCode"/>.</summary>
    HttpStatus = 3,

    /// <summary>The request failed before an answer arrived (DNS, connection refused or reset); see the inner exception.</summary>
    Transport = 4,

    /// <summary>The request timed out (not a cancellation by the caller).</summary>
    Timeout = 5,

    /// <summary>A token or callback failed a security check (for example the token was issued to another app).</summary>
    SecurityCheck = 6,
}
