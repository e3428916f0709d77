namespace QqConnect.Client.Testing;

/// <summary>When an injected <see cref="EmulatorFault"/> strikes relative to the emulator's processing.</summary>
public enum EmulatorFaultPhase
{
    /// <summary>
    /// Before processing: the request never takes effect (a code or refresh token stays unused).
    /// <see cref="EmulatorFaultKind.SlowBody"/> and <see cref="EmulatorFaultKind.OversizedBody"/> need a real
    /// answer and so always act after processing.
    /// </summary>
    BeforeProcessing,

    /// <summary>
    /// After processing: the request took effect (a code or refresh token was consumed), then the answer
    /// is delayed, replaced or lost.
    /// </summary>
    AfterProcessing,
}
