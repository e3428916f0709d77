namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// The account has no usable QQ tokens (none saved, the refresh token is used up, or the saved ones can no longer be
/// read because the Data Protection keys changed): the user logs in with QQ again, which saves new ones.
/// </summary>
public sealed class QqLoginRequiredException : QqConnectException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, free of secrets.</param>
    public QqLoginRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Why, free of secrets.</param>
    /// <param name="innerException">The cause (say, QQ's 100021 answer to a used refresh token).</param>
    public QqLoginRequiredException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
