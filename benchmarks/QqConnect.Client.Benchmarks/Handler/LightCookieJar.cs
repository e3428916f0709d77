namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>
/// The least a browser must do with cookies for these logins: keep <c>name=value</c> from each <c>Set-Cookie</c>,
/// drop a cookie set empty or expired in 1970 (how ASP.NET Core deletes one), send all back. No paths, domains or
/// attributes: both sites' cookies all belong to the one callback flow, so the timed work is the sites', not a
/// <see cref="System.Net.CookieContainer"/>'s (which costs about 3 KB to store one cookie, 2 KB to delete it).
/// </summary>
internal sealed class LightCookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool Has(string name) => _cookies.ContainsKey(name);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(pair => pair.Key + "=" + pair.Value)));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.NonValidated.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var end = setCookie.IndexOf(';', StringComparison.Ordinal);
                var pair = end < 0 ? setCookie : setCookie[..end];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..equals];
                var value = pair[(equals + 1)..];
                if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }
}
