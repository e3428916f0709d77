using System.Net;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Plays one browser against a site: its own cookie jar (Secure, Path and expiry honoured by
/// <see cref="CookieContainer"/>), redirects not followed so each hop can be looked at.
/// </summary>
public sealed class TestBrowser : IDisposable
{
    private readonly HttpClient _http;

    public TestBrowser(HttpMessageHandler siteHandler, Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new CookieJarHandler(Cookies) { InnerHandler = siteHandler }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string relativeOrAbsolute) => _http.GetAsync(new Uri(relativeOrAbsolute, UriKind.RelativeOrAbsolute));

    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    /// <summary>The cookies this browser would send to <paramref name="path"/> of the site.</summary>
    public IReadOnlyList<Cookie> CookiesFor(string path) => Cookies.GetCookies(new Uri(BaseAddress, path)).ToList();

    public void Dispose() => _http.Dispose();
}
