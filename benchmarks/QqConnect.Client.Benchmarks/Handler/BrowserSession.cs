using System.Net;

namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>
/// One browser: its own cookie jar over a site's handler (a TestServer's, or sockets), redirects not followed.
/// A new session per login, as a new visitor would be.
/// </summary>
internal sealed class BrowserSession : IDisposable
{
    private readonly HttpClient _http;

    public BrowserSession(HttpMessageHandler siteHandler, Uri baseAddress, bool disposeHandler = false)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new CookieJar(Cookies) { InnerHandler = siteHandler }, disposeHandler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken = default) => _http.GetAsync(url, cancellationToken);

    public void Dispose() => _http.Dispose();

    private sealed class CookieJar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}
