namespace QqConnect.Client;

/// <summary>Why <see cref="QqLoginStateProtector.Validate(string?, string?)"/> rejected a state.</summary>
public enum QqStateValidationFailure
{
    /// <summary>The state is valid.</summary>
    None = 0,

    /// <summary>
    /// The state or the browser binding is missing or empty: no <c>state</c> in the callback, or no cookie
    /// (expired, deleted, blocked, or set with <c>SameSite=Strict</c>).
    /// </summary>
    Missing = 1,

    /// <summary>The state is not one this SDK creates: wrong characters, wrong length, unknown version, far too long.</summary>
    Malformed = 2,

    /// <summary>The state was changed, or was signed with another key.</summary>
    Tampered = 3,

    /// <summary>
    /// The state is genuine but was created for another browser: the cookie does not match. This is what a
    /// login CSRF attempt looks like (an attacker's state sent to a victim's browser). A change to the last part
    /// of the state (the tag that binds it to the browser) is reported this way too: the two cannot be told apart.
    /// </summary>
    BindingMismatch = 4,

    /// <summary>The state is genuine and belongs to this browser, but its lifetime is over.</summary>
    Expired = 5,
}
