using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Control;

/// <summary>One of the last requests, secrets masked (<see cref="EmulatorRecordedRequest"/>).</summary>
internal sealed record ControlRequestAnswer(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Query,
    string? Form,
    int? Status,
    EmulatorFaultKind? Fault)
{
    public static ControlRequestAnswer Of(EmulatorRecordedRequest request) =>
        new(request.Time, request.Method, request.Path, request.Query, request.Form, request.StatusCode, request.Fault);
}
