namespace QqConnect.Client.Parsing;

/// <summary>Receives the fields of one answer, in the order they arrive.</summary>
internal interface IFieldSink
{
    /// <summary>Takes one field. Unknown names may be ignored or kept.</summary>
    void Field(ReadOnlySpan<byte> name, ref FieldValue value);
}

/// <summary>A sink that builds one result type once every field has arrived.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal interface IResultBuilder<out T> : IFieldSink
{
    /// <summary>Builds the result, or throws <see cref="InvalidBodyException"/> when a required field is missing.</summary>
    T Build(in CallContext context);
}
