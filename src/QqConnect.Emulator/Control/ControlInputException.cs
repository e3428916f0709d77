namespace QqConnect.Emulator.Control;

/// <summary>A control request the API refuses as asked (HTTP 400 unless said), with one plain sentence saying why.</summary>
internal sealed class ControlInputException : Exception
{
    /// <summary>The HTTP status of the refusal.</summary>
    public int StatusCode { get; init; } = 400;

    public ControlInputException()
    {
    }

    public ControlInputException(string message)
        : base(message)
    {
    }

    public ControlInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
