namespace QqConnect.Emulator.Control;

/// <summary><c>POST /_emulator/reset</c>: done.</summary>
internal sealed record ControlResetAnswer(bool Reset);
