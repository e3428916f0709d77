namespace QqConnect.Client.Parsing;

/// <summary>What a parser gives back: the result, or the <see cref="ParseFailure"/> that explains why there is none.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal readonly struct ParseResult<T>
{
    private readonly T _value;

    public ParseResult(T value)
    {
        _value = value;
        Failure = null;
    }

    public ParseResult(ParseFailure failure)
    {
        _value = default!;
        Failure = failure;
    }

    /// <summary>Why there is no result; <see langword="null"/> when there is one.</summary>
    public ParseFailure? Failure { get; }

    /// <summary>The result; only when <see cref="Failure"/> is <see langword="null"/>.</summary>
    public T Value => Failure is null ? _value : throw new InvalidOperationException("The answer gave no result: " + Failure.Kind);

    public static implicit operator ParseResult<T>(ParseFailure failure) => new(failure);
}
