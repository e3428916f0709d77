namespace QqConnect.Client;

/// <summary>What an application should do about a QQ error code.</summary>
public enum QqErrorAction
{
    /// <summary>Nothing specific is known: show a generic error and log the code.</summary>
    Unknown = 0,

    /// <summary>Send the user through QQ login again (the code, token or grant is no longer usable).</summary>
    Relogin = 1,

    /// <summary>Fix the app's configuration (app id, app key, redirect URI) on the QQ Connect site or in settings.</summary>
    FixConfiguration = 2,

    /// <summary>Apply to QQ Connect for the permission the call needs.</summary>
    ApplyForPermission = 3,

    /// <summary>A bug in the request: a parameter is missing or invalid.</summary>
    FixRequest = 4,

    /// <summary>A failure on QQ's side that may pass: try again later (reads only, never a code exchange).</summary>
    RetryLater = 5,
}
