namespace QqConnect.Client.Testing;

/// <summary>
/// A transport-neutral answer from <see cref="QqConnectEmulator.HandleAsync"/>, with the instructions a
/// transport needs to play injected faults (dropping the connection, trickling the body).
/// </summary>
public sealed class EmulatorResponse
{
    internal EmulatorResponse(int statusCode, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response headers, such as <c>Content-Type</c>, <c>Server</c> and <c>Location</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>When true, the transport must drop the connection instead of answering.</summary>
    public bool DropConnection { get; private init; }

    /// <summary>When positive, the transport sends the body in chunks of this many bytes.</summary>
    public int ChunkSize { get; private init; }

    /// <summary>The pause before each chunk when <see cref="ChunkSize"/> is positive.</summary>
    public TimeSpan ChunkDelay { get; private init; }

    internal static EmulatorResponse Dropped() => new(0, [], ReadOnlyMemory<byte>.Empty) { DropConnection = true };

    internal EmulatorResponse Trickled(int chunkSize, TimeSpan delay) =>
        new(StatusCode, Headers, Body) { ChunkSize = chunkSize, ChunkDelay = delay };

    internal EmulatorResponse WithBody(ReadOnlyMemory<byte> body) => new(StatusCode, Headers, body);
}
