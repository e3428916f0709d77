namespace QqConnect.Emulator.Control;

/// <summary><c>GET /_emulator/apps</c>.</summary>
internal sealed record ControlAppsAnswer(IReadOnlyList<ControlAppAnswer> Apps);
