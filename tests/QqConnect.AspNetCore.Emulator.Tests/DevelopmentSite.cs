using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Emulator.Tests;

/// <summary>
/// A site as a template makes it, on TestServer (https://localhost): cookie sign-in and the documented lines
/// <c>AddQqConnect(section).UseEmulatorInDevelopment()</c>, in the environment given; a browser with a cookie jar.
/// </summary>
internal sealed partial class DevelopmentSite : IAsyncDisposable
{
    public static readonly Uri BaseAddress = new("https://localhost/");

    private readonly WebApplication _app;

    private DevelopmentSite(WebApplication app, CapturedLog log, Uri baseAddress)
    {
        _app = app;
        Log = log;
        Address = baseAddress;
    }

    /// <summary>Where the browser sees the site: <see cref="BaseAddress"/> unless another was given.</summary>
    public Uri Address { get; }

    public CapturedLog Log { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DevelopmentSite> StartAsync(
        string environment,
        IDictionary<string, string?>? settings = null,
        Action<AuthenticationBuilder>? addQq = null,
        Uri? baseAddress = null,
        Action<WebApplication>? configureFirst = null)
    {
        baseAddress ??= BaseAddress;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = [] });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var log = new CapturedLog();
        builder.Logging.ClearProviders().AddProvider(log);

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        if (addQq is null)
        {
            // The documented lines.
            authentication
                .AddQqConnect(builder.Configuration.GetSection("QqConnect"))
                .UseEmulatorInDevelopment();
        }
        else
        {
            addQq(authentication);
        }

        var app = builder.Build();
        configureFirst?.Invoke(app);
        app.UseAuthentication();
        app.MapGet("/login", (string? scheme) => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [scheme ?? "QQ"]));
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text(string.Concat(user.Claims.Select(claim => claim.Type + "=" + claim.Value + "\n")))
            : Results.Unauthorized());
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.GetTestServer().BaseAddress = baseAddress;
        return new DevelopmentSite(app, log, baseAddress);
    }

    public Browser NewBrowser() => new(_app.GetTestServer().CreateHandler(), Address);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Plays the browser through a whole QQ login: challenge, the emulator's page on the site, approve, the callback.</summary>
    public static async Task<LoginTrace> LoginAsync(Browser browser, string loginPath = "/login", int userIndex = 0)
    {
        var challenge = await browser.GetAsync(loginPath);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;

        var page = await browser.GetAsync(authorize.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();

        var action = new Uri(authorize, FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).Select(match => new KeyValuePair<string, string>(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value))).ToList();
        fields.Add(new("user", userIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        fields.Add(new("decision", "approve"));
        var decision = await browser.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var callback = decision.Headers.Location!;

        var signedIn = await browser.GetAsync(callback.AbsoluteUri);
        return new LoginTrace(authorize, html, action, callback, signedIn);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    internal sealed record LoginTrace(Uri Authorize, string AuthorizePage, Uri FormAction, Uri Callback, HttpResponseMessage SignedIn);

    internal sealed class Browser : IDisposable
    {
        private readonly HttpClient _http;

        public Browser(HttpMessageHandler site, Uri baseAddress)
        {
            _http = new HttpClient(new CookieJarHandler(new CookieContainer()) { InnerHandler = site }) { BaseAddress = baseAddress };
        }

        public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

        public Task<HttpResponseMessage> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> form) => _http.PostAsync(url, new FormUrlEncodedContent(form));

        public async Task<ILookup<string, string>> ClaimsAsync(string path = "/me")
        {
            var text = await _http.GetStringAsync(path);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('=', 2))
                .ToLookup(parts => parts[0], parts => parts[1]);
        }

        public void Dispose() => _http.Dispose();
    }

    internal sealed class CapturedLog : ILoggerProvider
    {
        public List<(LogLevel Level, string Category, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log.Entries)
                {
                    log.Entries.Add((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}
