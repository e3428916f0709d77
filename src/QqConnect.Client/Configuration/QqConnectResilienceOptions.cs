namespace QqConnect.Client;

/// <summary>
/// The SDK's built-in resilience: timeouts, and retries that respect idempotency. Reads (<c>/oauth2.0/me</c>,
/// get_user_info) retry transient failures; the code exchange and the refresh consume a single-use value, so
/// they retry only when the failure proves the request never reached QQ (DNS failure, connection refused).
/// </summary>
public sealed class QqConnectResilienceOptions
{
    /// <summary>
    /// Whether the built-in retries and attempt timeout run. Turn it off only when the app adds its own (see
    /// docs/security.md). Off or on, every call (sending, waiting and reading the whole answer) ends within
    /// <see cref="TotalTimeout"/> with a <see cref="QqConnectErrorKind.Timeout"/> failure.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The timeout of one attempt (default 10 s; between 10 ms and 24 h).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The timeout of a whole call, retries, delays and reading the answer's body included (default 30 s; between
    /// 10 ms and 24 h). Applies also when <see cref="Enabled"/> is false.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt may be retried (default 2; 0 turns retries off).</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The median delay before the first retry; later delays grow exponentially, with jitter (default 200 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public override string ToString() =>
        $"Resilience {{ Enabled = {Enabled}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, MaxRetryAttempts = {MaxRetryAttempts}, RetryBaseDelay = {RetryBaseDelay} }}";
}
