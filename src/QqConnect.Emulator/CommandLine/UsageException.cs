namespace QqConnect.Emulator.CommandLine;

/// <summary>A command-line or configuration mistake: its message is the one line the tool prints before exiting with 2.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Not used.</summary>
    public UsageException()
    {
    }
}
