namespace QqConnect.Emulator.Control;

/// <summary><c>GET /_emulator/</c>: the operations the control API offers.</summary>
internal sealed record ControlIndexAnswer(IReadOnlyList<string> Operations);
