namespace QqConnect.Emulator.Control;

/// <summary><c>GET /_emulator/users</c>.</summary>
internal sealed record ControlUsersAnswer(IReadOnlyList<ControlUserAnswer> Users);
