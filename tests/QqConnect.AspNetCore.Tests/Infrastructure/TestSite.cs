using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QqConnect.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A small site on TestServer (https://localhost): cookie sign-in, <c>AddQqConnect()</c> served by an in-process
/// emulator, and endpoints that show what the handler produced. Remote failures and denials are recorded.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public static readonly Uri BaseAddress = new("https://localhost/");

    private readonly WebApplication _app;

    private TestSite(WebApplication app, QqConnectEmulator emulator)
    {
        _app = app;
        Emulator = emulator;
    }

    public QqConnectEmulator Emulator { get; }

    public List<Exception> Failures { get; } = [];

    public List<string> Denials { get; } = [];

    public IServiceProvider Services => _app.Services;

    public TestServer Server => _app.GetTestServer();

    /// <summary>Starts a site whose default QQ scheme uses the emulator's default app (or the one <paramref name="configure"/> sets).</summary>
    public static Task<TestSite> StartAsync(
        Action<QqConnectAuthenticationOptions>? configure = null,
        QqConnectEmulator? emulator = null,
        Action<IServiceCollection, AuthenticationBuilder, QqConnectEmulator>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        bool addDefaultScheme = true,
        string? pathBase = null,
        Action<WebApplication>? configureFirst = null)
    {
        emulator ??= new QqConnectEmulator();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        TestSite? site = null;

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie();
        if (addDefaultScheme)
        {
            authentication.AddQqConnect(options =>
            {
                options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                options.BackchannelHttpHandler = emulator.CreateHandler();
                options.AccessDeniedPath = "/denied";
                Record(options.Events, () => site!);
                configure?.Invoke(options);
            });
        }

        configureServices?.Invoke(builder.Services, authentication, emulator);
        var app = builder.Build();
        configureFirst?.Invoke(app); // middleware before everything else, such as UseRequestLocalization
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseAuthentication();
        MapEndpoints(app);
        configureApp?.Invoke(app);
        site = new TestSite(app, emulator);
        return StartCoreAsync(site, app);
    }

    /// <summary>
    /// Starts a site whose QQ scheme uses <c>ClientName = "web"</c>: an <c>AddQqConnectClient("web", …)</c> registration
    /// served by <paramref name="emulator"/>, with the default app unless <paramref name="configureClient"/> changes it.
    /// </summary>
    public static Task<TestSite> StartWithClientNameAsync(QqConnectEmulator emulator, Action<QqConnectOptions>? configureClient = null, Action<QqConnectAuthenticationOptions>? configureScheme = null) =>
        StartAsync(
            emulator: emulator,
            addDefaultScheme: false,
            configureServices: (services, authentication, _) =>
            {
                services.AddQqConnectClient("web", options =>
                {
                    options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                    options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                    options.RedirectUri = "https://localhost/not-used-by-the-handler";
                    configureClient?.Invoke(options);
                }).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
                authentication.AddQqConnect(options =>
                {
                    options.ClientName = "web";
                    configureScheme?.Invoke(options);
                });
            });

    /// <summary>Makes <paramref name="events"/> record failures and denials on the site, answering 500/403 pages.</summary>
    public static void Record(QqConnectAuthenticationEvents events, Func<TestSite> site)
    {
        events.OnRemoteFailure = context =>
        {
            lock (site().Failures)
            {
                site().Failures.Add(context.Failure!);
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.HandleResponse();
            return Task.CompletedTask;
        };
        events.OnAccessDenied = context =>
        {
            site().Denials.Add(context.Scheme.Name);
            return Task.CompletedTask;
        };
    }

    private static async Task<TestSite> StartCoreAsync(TestSite site, WebApplication app)
    {
        await app.StartAsync();
        site.Server.BaseAddress = BaseAddress;
        return site;
    }

    public TestBrowser NewBrowser() => new(Server.CreateHandler(), BaseAddress);

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/login", (string? returnUrl, string? scheme) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl ?? "/me" }, [scheme ?? QqConnectAuthenticationDefaults.AuthenticationScheme]));

        app.MapGet("/me", (ClaimsPrincipal user) =>
        {
            if (user.Identity?.IsAuthenticated != true)
            {
                return Results.Unauthorized();
            }

            var text = new StringBuilder();
            foreach (var claim in user.Claims)
            {
                text.Append(claim.Type).Append('=').Append(claim.Value).Append('\n');
            }

            return Results.Text(text.ToString());
        });

        app.MapGet("/denied", () => Results.Text("denied"));

        app.MapGet("/tokens", async (HttpContext http) =>
        {
            var access = await http.GetTokenAsync("access_token");
            var refresh = await http.GetTokenAsync("refresh_token");
            var expires = await http.GetTokenAsync("expires_at");
            return Results.Text($"access_token={access}\nrefresh_token={refresh}\nexpires_at={expires}\n");
        });

        app.MapGet("/refresh", async (HttpContext http, string? scheme) =>
        {
            var token = await http.RefreshQqConnectTokensAsync(scheme ?? QqConnectAuthenticationDefaults.AuthenticationScheme);
            return Results.Text("refreshed, expires " + token.ExpiresAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
