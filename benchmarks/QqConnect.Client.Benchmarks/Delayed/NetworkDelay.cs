namespace QqConnect.Client.Benchmarks.Delayed;

/// <summary>
/// A simulated network in front of a QQ (canned or the emulator): every call is answered only after
/// <see cref="PerCall"/>, as a round trip to graph.qq.com from a server in China would take. Calls are counted.
/// </summary>
internal sealed class NetworkDelay : DelegatingHandler
{
    /// <summary>The delay of every call: a plausible round trip to QQ (TLS connection reused).</summary>
    public static readonly TimeSpan PerCall = TimeSpan.FromMilliseconds(30);

    private long _calls;

    public NetworkDelay(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>The calls sent through this network so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(PerCall, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
