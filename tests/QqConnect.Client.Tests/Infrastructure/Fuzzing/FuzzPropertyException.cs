namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>A fuzz property that did not hold.</summary>
internal sealed class FuzzPropertyException : Exception
{
    public FuzzPropertyException(string message)
        : base(message)
    {
    }

    public FuzzPropertyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public FuzzPropertyException()
    {
    }
}
