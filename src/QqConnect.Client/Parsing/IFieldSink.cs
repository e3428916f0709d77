namespace QqConnect.Client.Parsing;

/// <summary>Receives the fields of one answer, in the order they arrive.</summary>
internal interface IFieldSink
{
    /// <summary>Takes one field. Unknown names may be ignored or kept.</summary>
    void Field(ReadOnlySpan<byte> name, ref FieldValue value);
}
