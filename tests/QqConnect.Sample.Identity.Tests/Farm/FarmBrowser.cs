using System.Net;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>
/// A browser behind a load balancer: every request goes to the instance the test picks, under the farm's one public
/// host (the Host header), with one cookie jar. Redirects are not followed.
/// </summary>
public sealed class FarmBrowser(string publicHost) : IDisposable
{
    // The browser sees the farm's public host, whichever instance the request goes to.
    private readonly HttpClient _http = new(new CookieJarHandler(new CookieContainer(), url => new Uri($"http://{publicHost}{url.PathAndQuery}"))
    {
        InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
    });

    public async Task<HttpResponseMessage> SendAsync(Uri instance, HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(instance, pathAndQuery)) { Content = content };
        request.Headers.Host = publicHost;
        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(Uri instance, string pathAndQuery) => SendAsync(instance, HttpMethod.Get, pathAndQuery);

    public async Task<HttpResponseMessage> SubmitAsync(Uri pageInstance, string pagePath, string formId, Uri postInstance, params (string Name, string Value)[] fields)
    {
        using var page = await GetAsync(pageInstance, pagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var (action, token) = TestBrowser.FindForm(await page.Content.ReadAsStringAsync(), formId);
        return await PostAsync(postInstance, action, token, fields);
    }

    /// <summary>Posts a form's fields with its antiforgery token to <paramref name="instance"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(Uri instance, string action, string token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)).Append(new("__RequestVerificationToken", token));
        return SendAsync(instance, HttpMethod.Post, action, new FormUrlEncodedContent(values));
    }

    public void Dispose() => _http.Dispose();
}
