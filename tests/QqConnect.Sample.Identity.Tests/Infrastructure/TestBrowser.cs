using System.Net;
using System.Text.RegularExpressions;

namespace QqConnect.Sample.Identity.Tests.Infrastructure;

/// <summary>One browser on the site: its own cookies, forms posted with the antiforgery token of the page they are on.</summary>
public sealed partial class TestBrowser(HttpClient http) : IDisposable
{
    /// <summary>Every Location the site answered with, to check that no QQ identity travels in a URL.</summary>
    public List<string> Locations { get; } = [];

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        if (response.Headers.Location is { } location)
        {
            Locations.Add(location.OriginalString);
        }

        return response;
    }

    /// <summary>The HTML of a page that must answer 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}\n{html}");
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
        var response = await http.PostAsync(new Uri(action, UriKind.Relative), content);
        if (response.Headers.Location is { } location)
        {
            Locations.Add(location.OriginalString);
        }

        return response;
    }

    /// <summary>The action and antiforgery token of a form in <paramref name="html"/>.</summary>
    public static (string Action, string Token) FindForm(string html, string formId)
    {
        var match = FormPattern().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["id"].Value) == formId);
        Assert.True(match is not null, $"no form #{formId} in:\n{html}");
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

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\" id=\"(?<id>[^\"]*)\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]*)\">")]
    private static partial Regex FormPattern();
}
