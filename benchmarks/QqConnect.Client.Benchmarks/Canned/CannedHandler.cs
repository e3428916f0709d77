using System.Net;

namespace QqConnect.Client.Benchmarks.Canned;

/// <summary>An in-process "server": answers each GET with its canned body, synchronously, with no work of its own.</summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private static HttpResponseMessage Answer(HttpRequestMessage request) =>
        CannedAnswers.For(request.RequestUri?.AbsolutePath) is { } body
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
}
