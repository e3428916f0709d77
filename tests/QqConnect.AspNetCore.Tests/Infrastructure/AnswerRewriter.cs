using System.Net.Http.Headers;
using System.Text;

namespace QqConnect.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Sits in front of the emulator and rewrites the body of one endpoint's answers: plays an older QQ (no openid in
/// the token answer) or a lying one (another openid) while every other call stays real.
/// </summary>
public sealed class AnswerRewriter(HttpMessageHandler emulator, string path, Func<string, string> rewrite) : DelegatingHandler(emulator)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri!.AbsolutePath != path)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var content = new StringContent(rewrite(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        response.Content = content;
        return response;
    }

    /// <summary>Removes the <c>openid</c> of a token answer, in either shape (an older QQ, or a proxy, that drops it).</summary>
    public static string WithoutOpenId(string tokenAnswer) =>
        System.Text.RegularExpressions.Regex.Replace(tokenAnswer, "(&openid=[^&]*|,\"openid\":\"[^\"]*\")", "");

    /// <summary>Replaces the <c>openid</c> of a token answer, in either shape.</summary>
    public static string WithOpenId(string tokenAnswer, string openId) =>
        System.Text.RegularExpressions.Regex.Replace(tokenAnswer, "(?<=openid=|\"openid\":\")[0-9A-F]+", openId);
}
