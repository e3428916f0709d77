using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.Emulator;

namespace QqConnect.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A site on real Kestrel (http://127.0.0.1) logging in against the emulator server over sockets: what TestServer
/// does not check (header characters, header sizes) is checked here. Records the Cookie header of each callback.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSite(WebApplication app, QqConnectEmulatorServer qq, Uri address)
    {
        _app = app;
        Qq = qq;
        Address = address;
    }

    public QqConnectEmulatorServer Qq { get; }

    public Uri Address { get; }

    /// <summary>The length of the Cookie header of every request to the callback path, in arrival order.</summary>
    public ConcurrentQueue<int> CallbackCookieHeaderLengths { get; } = new();

    public static async Task<LoopbackSite> StartAsync(Action<QqConnectAuthenticationOptions>? configure = null)
    {
        var qq = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0 });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(options =>
            {
                options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                options.BaseAddress = qq.BaseAddress;
                // Plain http on loopback: the login cookies cannot be Secure-only here.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                configure?.Invoke(options);
            });
        var app = builder.Build();
        LoopbackSite? site = null;
        app.Use((context, next) =>
        {
            if (context.Request.Path == QqConnectAuthenticationDefaults.CallbackPath)
            {
                site!.CallbackCookieHeaderLengths.Enqueue(context.Request.Headers.Cookie.ToString().Length);
            }

            return next(context);
        });
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl ?? "/me" }, ["QQ"]));
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text(user.FindFirstValue(ClaimTypes.NameIdentifier) + "|" + user.Identity.Name)
            : Results.Unauthorized());
        app.MapGet("/{**path}", (HttpContext context) => Results.Text("page " + context.Request.Path.ToUriComponent() + context.Request.QueryString));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        site = new LoopbackSite(app, qq, address);
        return site;
    }

    public TestBrowser NewBrowser() => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }, Address);

    /// <summary>Opens <paramref name="loginPath"/>; returns QQ's authorize URL (over the socket: a site answering 500 fails here).</summary>
    public static async Task<Uri> ChallengeAsync(TestBrowser browser, string loginPath = "/login")
    {
        using var challenge = await browser.GetAsync(loginPath);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, challenge.StatusCode);
        return challenge.Headers.Location!;
    }

    /// <summary>The user approves (or denies) on the emulator's HTML form; returns the callback URL QQ redirects to.</summary>
    public static async Task<Uri> DecideAsync(Uri authorize, bool approve = true)
    {
        var form = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = LoginSteps.Query(authorize, "client_id")!,
            ["redirect_uri"] = LoginSteps.Query(authorize, "redirect_uri")!,
            ["state"] = LoginSteps.Query(authorize, "state")!,
            ["user"] = "0",
            ["decision"] = approve ? "approve" : "deny",
        };
        if (LoginSteps.Query(authorize, "display") is { } display)
        {
            form["display"] = display;
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var decided = await http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, decided.StatusCode);
        return decided.Headers.Location!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Qq.DisposeAsync();
    }
}
