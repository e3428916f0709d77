namespace QqConnect.Emulator.Control;

/// <summary><c>GET /_emulator/counters</c>: the emulator's counters, and the requests per path.</summary>
internal sealed record ControlCountersAnswer(
    long CodesIssued,
    long CodesRedeemed,
    int CodeReplays,
    int RefreshTokenReplays,
    int PendingFaults,
    IReadOnlyDictionary<string, long> Requests);
