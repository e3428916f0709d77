namespace QqConnect.Client.Testing;

/// <summary>What an injected <see cref="EmulatorFault"/> does to an answer.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Waits <see cref="EmulatorFault.Delay"/> before processing or before answering.</summary>
    Latency,

    /// <summary>Answers with a 5xx status (<see cref="EmulatorFault.StatusCode"/>, default 502) and an HTML body.</summary>
    ServerError,

    /// <summary>Drops the connection without an answer (in-process: an <see cref="HttpRequestException"/>).</summary>
    DropConnection,

    /// <summary>Trickles the body out in <see cref="EmulatorFault.ChunkSize"/>-byte pieces, pausing <see cref="EmulatorFault.Delay"/> between them.</summary>
    SlowBody,

    /// <summary>Appends <see cref="EmulatorFault.PaddingBytes"/> bytes of spaces to the real body.</summary>
    OversizedBody,

    /// <summary>Answers with <see cref="EmulatorFault.Body"/> and <see cref="EmulatorFault.StatusCode"/> (default 200) instead of the real body.</summary>
    CustomBody,
}
