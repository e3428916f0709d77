using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QqConnect.Client.Tests.Infrastructure;

/// <summary>
/// A fake network that plays one scripted step per request and counts requests. A request beyond the
/// script fails the test.
/// </summary>
internal sealed class ScriptedNetwork : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public List<Uri> Uris { get; } = [];

    public ScriptedNetwork Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedNetwork ThenAnswer(string fixture) => Then((_, _) => Task.FromResult(TestApp.Answer(Fixture.Bytes(fixture))));

    public ScriptedNetwork ThenStatus(HttpStatusCode status) => Then((_, _) => Task.FromResult(TestApp.Answer("<html>busy</html>"u8.ToArray(), status)));

    public ScriptedNetwork ThenRefused() => Then((_, _) => throw new HttpRequestException("Connection refused (graph.qq.com:443)", new SocketException((int)SocketError.ConnectionRefused)));

    public ScriptedNetwork ThenDnsFailure() => Then((_, _) => throw new HttpRequestException("Name or service not known (graph.qq.com:443)", new SocketException((int)SocketError.HostNotFound)));

    /// <summary>A failure as .NET Framework's HttpClientHandler (HttpWebRequest underneath) reports it: a WebException with a status, no SocketException.</summary>
    public ScriptedNetwork ThenNetFrameworkFailure(WebExceptionStatus status) => Then((_, _) => throw new HttpRequestException("An error occurred while sending the request.", new WebException($"The request failed: {status}.", status)));

    public ScriptedNetwork ThenReset() => Then((_, _) => throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset))));

    /// <summary>Never answers; ends only when the request is cancelled (an attempt timeout).</summary>
    public ScriptedNetwork ThenHang() => Then(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Uris)
        {
            Uris.Add(request.RequestUri!);
        }

        return _steps.TryDequeue(out var step)
            ? step(request, cancellationToken)
            : throw new InvalidOperationException($"Request {Requests} was not expected by the test's script.");
    }
}
