namespace QqConnect.Client.Parsing;

/// <summary>
/// Raised inside the parsers for a body that is not a valid answer; the parser entry point turns it
/// into a <see cref="QqConnectException"/> that names the call. Never escapes the SDK.
/// </summary>
internal sealed class InvalidBodyException : Exception
{
    public InvalidBodyException(string reason)
        : base(reason)
    {
    }

    public InvalidBodyException()
    {
    }

    public InvalidBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
