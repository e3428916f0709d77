namespace QqConnect.Emulator.Control;

/// <summary>The answer of the fault operations: how many faults are pending now.</summary>
internal sealed record ControlFaultsAnswer(int Pending);
