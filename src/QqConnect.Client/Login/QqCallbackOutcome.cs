namespace QqConnect.Client;

/// <summary>What a QQ login callback URL says.</summary>
public enum QqCallbackOutcome
{
    /// <summary>The user authorized the app: the callback carries an authorization code.</summary>
    Success = 0,

    /// <summary>
    /// QQ reported an error: <c>error</c>/<c>error_description</c> (current form) or <c>code</c>/<c>msg</c>
    /// (older form, where <c>code</c> is a 6-digit error number, not an authorization code).
    /// </summary>
    Error = 1,

    /// <summary>
    /// Not a QQ login callback: no code, error or usercancel, a parameter given more than once, or a code or
    /// state that QQ would never send (too long, control characters).
    /// </summary>
    NotCallback = 2,

    /// <summary>
    /// The user pressed cancel on QQ's mobile login page (<c>display=mobile</c>): QQ came back with <c>usercancel</c>
    /// (any non-zero value) and the state, without a code or an error. A refusal by the user, not a protocol failure.
    /// </summary>
    Cancelled = 3,
}
