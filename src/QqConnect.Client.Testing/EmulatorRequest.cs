namespace QqConnect.Client.Testing;

/// <summary>
/// A transport-neutral HTTP request for <see cref="QqConnectEmulator.HandleAsync"/>: what both the in-process
/// handler and the socket server hand to the emulator.
/// </summary>
public sealed class EmulatorRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, such as <c>GET</c>.</param>
    /// <param name="path">The request path, such as <c>/oauth2.0/token</c>.</param>
    /// <param name="baseAddress">The address the request was sent to (scheme, host and port), used for links to the emulator itself.</param>
    public EmulatorRequest(string method, string path, Uri baseAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(baseAddress);
        Method = method;
        Path = path;
        BaseAddress = baseAddress;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request path.</summary>
    public string Path { get; }

    /// <summary>The address the request was sent to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The raw, still URL-encoded query string, with or without its leading <c>?</c>.</summary>
    public string? Query { get; init; }

    /// <summary>The raw <c>application/x-www-form-urlencoded</c> body of a POST, if any.</summary>
    public string? FormBody { get; init; }
}
