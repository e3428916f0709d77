namespace QqConnect.Emulator.Control;

/// <summary>An app as the control API lists it: never its app key.</summary>
internal sealed record ControlAppAnswer(string AppId, string Name, IReadOnlyList<string> CallbackDomains, bool UnionIdGranted, string DeveloperId);
