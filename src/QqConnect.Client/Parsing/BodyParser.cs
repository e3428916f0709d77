namespace QqConnect.Client.Parsing;

/// <summary>Reads one answer's bytes into a result or the reason there is none; <paramref name="clock"/> dates what expires.</summary>
internal delegate ParseResult<T> BodyParser<T>(ReadOnlySpan<byte> body, TimeProvider clock);
