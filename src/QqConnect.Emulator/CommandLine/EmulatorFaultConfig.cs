using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>A fault in the configuration file or a <c>--fault</c> argument; see <see cref="EmulatorFault"/>.</summary>
internal sealed class EmulatorFaultConfig
{
    /// <summary>What it does (required).</summary>
    public EmulatorFaultKind? Kind { get; set; }

    /// <summary>The path it strikes, such as <c>/oauth2.0/token</c>; absent for every path.</summary>
    public string? Endpoint { get; set; }

    /// <summary>BeforeProcessing (default) or AfterProcessing.</summary>
    public EmulatorFaultPhase? Phase { get; set; }

    /// <summary>How many requests it strikes (default 1; 0 for "every request").</summary>
    public int? Count { get; set; }

    /// <summary>The delay in milliseconds.</summary>
    public int? DelayMs { get; set; }

    /// <summary>HTTP status of ServerError or CustomBody.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Chunk size of SlowBody.</summary>
    public int? ChunkSize { get; set; }

    /// <summary>Padding of OversizedBody.</summary>
    public int? PaddingBytes { get; set; }

    /// <summary>Body of CustomBody.</summary>
    public string? Body { get; set; }

    /// <summary>The fault this describes.</summary>
    public EmulatorFault ToFault()
    {
        if (Kind is not { } kind)
        {
            throw new FormatException("a fault needs a kind (Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody).");
        }

        var defaults = new EmulatorFault();
        return new EmulatorFault
        {
            Kind = kind,
            Endpoint = Endpoint,
            Phase = Phase ?? defaults.Phase,
            Count = Count is 0 ? int.MaxValue : Count ?? defaults.Count,
            Delay = TimeSpan.FromMilliseconds(DelayMs ?? 0),
            StatusCode = StatusCode,
            ChunkSize = ChunkSize ?? defaults.ChunkSize,
            PaddingBytes = PaddingBytes ?? defaults.PaddingBytes,
            Body = Body ?? defaults.Body,
        };
    }
}
