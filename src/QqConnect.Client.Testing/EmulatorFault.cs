namespace QqConnect.Client.Testing;

/// <summary>
/// A fault to inject into the emulator's answers. Add it with <see cref="EmulatorFaults.Add"/>;
/// the first pending fault whose <see cref="Endpoint"/> matches a request strikes it, <see cref="Count"/> times.
/// </summary>
public sealed class EmulatorFault
{
    /// <summary>The request path it applies to, such as <c>/oauth2.0/token</c>; null for every path.</summary>
    public string? Endpoint { get; init; }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; init; }

    /// <summary>Whether it strikes before or after the request is processed. Default: before.</summary>
    public EmulatorFaultPhase Phase { get; init; } = EmulatorFaultPhase.BeforeProcessing;

    /// <summary>How many requests it strikes before it is used up (default 1; <see cref="int.MaxValue"/> for "until cleared").</summary>
    public int Count { get; init; } = 1;

    /// <summary>
    /// The pause: for <see cref="EmulatorFaultKind.SlowBody"/> the pause between chunks; for every other kind a
    /// pause before processing (<see cref="EmulatorFaultPhase.BeforeProcessing"/>) or before answering or
    /// dropping (<see cref="EmulatorFaultPhase.AfterProcessing"/>). Honours the request's cancellation.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// The HTTP status of a <see cref="EmulatorFaultKind.ServerError"/> (default 502) or <see cref="EmulatorFaultKind.CustomBody"/>
    /// (default 200), from 200 to 599.
    /// </summary>
    public int? StatusCode { get; init; }

    /// <summary>Chunk size in bytes of a <see cref="EmulatorFaultKind.SlowBody"/>. Default 8.</summary>
    public int ChunkSize { get; init; } = 8;

    /// <summary>Bytes of padding of an <see cref="EmulatorFaultKind.OversizedBody"/>. Default 1 MiB.</summary>
    public int PaddingBytes { get; init; } = 1024 * 1024;

    /// <summary>The body (UTF-8) of a <see cref="EmulatorFaultKind.CustomBody"/>.</summary>
    public string Body { get; init; } = "";
}
