using System.Net;

namespace QqConnect.Client.Benchmarks.Canned;

/// <summary>
/// An in-process "server": answers each GET with its canned body, synchronously, with no work of its own. With
/// <paramref name="answerOpenId"/>, a token request carrying <c>need_openid=1</c> gets the token answer with the
/// openid, as QQ answers it; otherwise every token request gets the answer without.
/// </summary>
internal sealed class CannedHandler(bool answerOpenId = false) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private HttpResponseMessage Answer(HttpRequestMessage request) =>
        (answerOpenId && request.RequestUri is { AbsolutePath: "/oauth2.0/token", Query: var query } && query.Contains("need_openid=1", StringComparison.Ordinal)
            ? CannedAnswers.TokenWithOpenId
            : CannedAnswers.For(request.RequestUri?.AbsolutePath)) is { } body
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
}
