namespace QqConnect.Client.Testing;

/// <summary>
/// Thrown by <see cref="QqConnectEmulator.Authorize"/> when the authorize request is one QQ would refuse
/// with an error page (no redirect), such as an unknown app (100008) or an illegal redirect_uri (100010).
/// </summary>
public sealed class QqConnectEmulatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QqConnectEmulatorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public QqConnectEmulatorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public QqConnectEmulatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a QQ error code.</summary>
    /// <param name="errorCode">The QQ error code, such as 100010.</param>
    /// <param name="message">The QQ error description.</param>
    public QqConnectEmulatorException(int errorCode, string message)
        : base($"QQ Connect emulator refused the authorize request: {errorCode} {message}")
    {
        ErrorCode = errorCode;
    }

    /// <summary>The QQ error code, such as 100010; 0 when none applies.</summary>
    public int ErrorCode { get; }
}
