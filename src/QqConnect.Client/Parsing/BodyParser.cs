using QqConnect.Client.Transport;

namespace QqConnect.Client.Parsing;

/// <summary>Reads one answer's bytes into a result, or throws a <see cref="QqConnectException"/>.</summary>
internal delegate T BodyParser<out T>(ReadOnlySpan<byte> body, in CallContext context);
