namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>What a field's value is on the wire: text, an integer (a JSON number or a string of digits), or raw JSON (JSON shapes only).</summary>
internal enum WireKind
{
    Text,
    Integer,
    RawJson,
}
