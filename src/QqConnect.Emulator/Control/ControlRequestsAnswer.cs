namespace QqConnect.Emulator.Control;

/// <summary><c>GET /_emulator/requests</c>: the last requests, oldest first.</summary>
internal sealed record ControlRequestsAnswer(IReadOnlyList<ControlRequestAnswer> Requests);
