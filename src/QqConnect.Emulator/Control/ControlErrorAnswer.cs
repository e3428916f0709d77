namespace QqConnect.Emulator.Control;

/// <summary>A refused control request: <c>{"error": "…"}</c>, one plain sentence, never a stack trace.</summary>
internal sealed record ControlErrorAnswer(string Error);
