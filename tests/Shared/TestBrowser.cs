using System.Net;
using System.Text.RegularExpressions;

namespace QqConnect.TestSupport;

/// <summary>
/// Plays one browser against a site: its own cookie jar (<see cref="CookieJarHandler"/>: Secure, Path and expiry
/// honoured by a <see cref="CookieContainer"/>), redirects not followed so that each hop can be looked at, every
/// Location kept, forms posted with the antiforgery token of the page they are on. One file for the handler tests
/// and the sample site's tests.
/// </summary>
public sealed partial class TestBrowser : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="siteHandler">The site (TestServer's handler, or a socket handler without cookies or redirects).</param>
    /// <param name="baseAddress">The address relative URLs are resolved against.</param>
    public TestBrowser(HttpMessageHandler siteHandler, Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new CookieJarHandler(Cookies) { InnerHandler = siteHandler }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Every Location the site answered with, to check that no QQ identity travels in a URL.</summary>
    public List<string> Locations { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string relativeOrAbsolute) => GetAsync(new Uri(relativeOrAbsolute, UriKind.RelativeOrAbsolute));

    public async Task<HttpResponseMessage> GetAsync(Uri url) => Keep(await _http.GetAsync(url));

    /// <summary>The HTML of a page that must answer 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}\n{html}");
        return html;
    }

    /// <summary>Opens <paramref name="pagePath"/>, fills the form with id <paramref name="formId"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string formId, params (string Name, string Value)[] fields)
    {
        var (action, token) = FindForm(await PageAsync(pagePath), formId);
        return await PostAsync(action, token, fields);
    }

    /// <summary>Posts a form with a token read earlier (to send the same form several times).</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, string token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return Keep(await _http.PostAsync(new Uri(action, UriKind.Relative), content));
    }

    /// <summary>The cookies this browser would send to <paramref name="path"/> of the site.</summary>
    public IReadOnlyList<Cookie> CookiesFor(string path) => Cookies.GetCookies(new Uri(BaseAddress, path)).ToList();

    /// <summary>The action and antiforgery token of a form in <paramref name="html"/>.</summary>
    public static (string Action, string Token) FindForm(string html, string formId)
    {
        var match = FormPattern().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["id"].Value) == formId);
        Xunit.Assert.True(match is not null, $"no form #{formId} in:\n{html}");
        return (WebUtility.HtmlDecode(match.Groups["action"].Value), WebUtility.HtmlDecode(match.Groups["token"].Value));
    }

    /// <summary>The text of the element with <paramref name="id"/>, decoded; null when absent.</summary>
    public static string? Text(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(?<text>[^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value) : null;
    }

    /// <summary>The value of attribute <paramref name="attribute"/> of the element with <paramref name="id"/>.</summary>
    public static string? Attribute(string html, string id, string attribute)
    {
        var element = Regex.Match(html, $"<[^>]*id=\"{Regex.Escape(id)}\"[^>]*>");
        var value = Regex.Match(element.Value, $"{Regex.Escape(attribute)}=\"(?<value>[^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups["value"].Value) : null;
    }

    public void Dispose() => _http.Dispose();

    private HttpResponseMessage Keep(HttpResponseMessage response)
    {
        if (response.Headers.Location is { } location)
        {
            Locations.Add(location.OriginalString);
        }

        return response;
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\" id=\"(?<id>[^\"]*)\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]*)\">")]
    private static partial Regex FormPattern();
}
