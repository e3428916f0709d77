namespace QqConnect.Client.Testing;

/// <summary>
/// One request the emulator answered (or did not: a dropped connection, a client gone), as kept by
/// <see cref="QqConnectEmulator.GetRecentRequests"/>: with every secret masked.
/// </summary>
public sealed class EmulatorRecordedRequest
{
    internal EmulatorRecordedRequest(DateTimeOffset time, string method, string path, string? query, string? form, int? statusCode, EmulatorFaultKind? fault)
    {
        Time = time;
        Method = method;
        Path = path;
        Query = query;
        Form = form;
        StatusCode = statusCode;
        Fault = fault;
    }

    /// <summary>When it arrived, on the emulator's clock (<see cref="QqConnectEmulator.TimeProvider"/>).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, cut to its first 256 characters.</summary>
    public string Path { get; }

    /// <summary>
    /// The query string as sent, without its leading <c>?</c>, with the values of <c>client_secret</c>, <c>code</c>,
    /// <c>access_token</c> and <c>refresh_token</c> replaced by <c>***</c>; cut to its first 2,048 characters. Null when there was none.
    /// </summary>
    public string? Query { get; }

    /// <summary>A POST's form body, masked and cut like <see cref="Query"/>. Null when there was none.</summary>
    public string? Form { get; }

    /// <summary>The HTTP status answered; null when no answer was sent (a dropped connection, or the client went away).</summary>
    public int? StatusCode { get; }

    /// <summary>The kind of the injected fault that struck it, if one did.</summary>
    public EmulatorFaultKind? Fault { get; }
}
