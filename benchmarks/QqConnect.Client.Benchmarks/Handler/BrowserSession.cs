using System.Net;
using QqConnect.TestSupport;

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
        _http = new HttpClient(new CookieJarHandler(Cookies) { InnerHandler = siteHandler }, disposeHandler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken = default) => _http.GetAsync(url, cancellationToken);

    public void Dispose() => _http.Dispose();
}
