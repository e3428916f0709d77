namespace QqConnect.Client.Testing;

/// <summary>Counters of issued and redeemed codes and of requests per path, read while the emulator runs.</summary>
public sealed partial class QqConnectEmulator
{
    /// <summary>How many authorization codes the authorize step issued (approvals with <c>response_type=code</c>).</summary>
    public long CodesIssued => Interlocked.Read(ref _codesIssued);

    /// <summary>How many authorization codes were exchanged for a token (each at most once; replays are <see cref="CodeReplays"/>).</summary>
    public long CodesRedeemed => Interlocked.Read(ref _codesRedeemed);

    /// <summary>
    /// Every path that received a request, with its count (as <see cref="GetRequestCount"/>), in ordinal order of the path.
    /// </summary>
    /// <returns>A snapshot taken now.</returns>
    public IReadOnlyList<KeyValuePair<string, long>> GetRequestCounts() =>
        [.. _requestCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
}
