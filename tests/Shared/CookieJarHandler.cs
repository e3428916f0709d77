using System.Net;

namespace QqConnect.TestSupport;

/// <summary>
/// A browser's cookie jar in an HTTP pipeline: sends the cookies a <see cref="CookieContainer"/> holds for each request
/// and stores every <c>Set-Cookie</c> of the answer (Secure, Path, expiry and deletions honoured by the container).
/// One file for the programs that play a browser: the handler tests, the account-binding site's farm test, the
/// benchmarks and the package test's web consumer.
/// </summary>
internal sealed class CookieJarHandler : DelegatingHandler
{
    private readonly CookieContainer _cookies;
    private readonly Func<Uri, Uri> _cookieUrl;

    /// <param name="cookies">The jar.</param>
    /// <param name="cookieUrl">
    /// The URL the browser believes it is talking to, for a request URL (a farm test sends to one instance while the
    /// browser sees the public host); the request URL itself by default.
    /// </param>
    public CookieJarHandler(CookieContainer cookies, Func<Uri, Uri>? cookieUrl = null)
    {
        _cookies = cookies;
        _cookieUrl = cookieUrl ?? (url => url);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = _cookieUrl(request.RequestUri!);
        var header = _cookies.GetCookieHeader(url);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(url, setCookie);
            }
        }

        return response;
    }
}
