using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore;
using QqConnect.Client.Testing;

namespace QqConnect.Client.Benchmarks.Handler;

/// <summary>Which handler a <see cref="LoginSite"/> signs users in with.</summary>
public enum SiteHandler
{
    /// <summary><c>AddQqConnect()</c> with its defaults.</summary>
    QqConnect,

    /// <summary>ASP.NET Core's generic <c>AddOAuth()</c> set up for QQ the way blog posts do it.</summary>
    GenericOAuth,
}

/// <summary>
/// A minimal site: cookie sign-in plus one QQ scheme (ours or the generic OAuth handler), <c>/login</c> that
/// challenges, <c>/me</c> that lists the claims. Served by TestServer (in process) or Kestrel (loopback); QQ is
/// the emulator, in process (its handler) or over loopback (its server).
/// </summary>
internal sealed class LoginSite : IAsyncDisposable
{
    public const string Scheme = "QQ";
    public const string CallbackPath = "/signin-qq";

    private readonly WebApplication _app;

    private LoginSite(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The site's handler for an in-process browser (TestServer only).</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>Starts a site; <paramref name="qqBaseAddress"/> and <paramref name="backchannel"/> say where QQ is.</summary>
    public static async Task<LoginSite> StartAsync(SiteHandler handler, bool loopback, Uri qqBaseAddress, HttpMessageHandler? backchannel, Action<QqConnectAuthenticationOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (loopback)
        {
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, 0);
            });
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        // Both sites protect their state and cookies the same way, with keys in memory.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        if (handler == SiteHandler.QqConnect)
        {
            authentication.AddQqConnect(options =>
            {
                options.AppId = QqConnectEmulatorOptions.DefaultAppId;
                options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
                options.BaseAddress = qqBaseAddress;
                options.BackchannelHttpHandler = backchannel;
                configure?.Invoke(options);
            });
        }
        else
        {
            authentication.AddOAuth(Scheme, options => GenericQqOAuth.Configure(options, qqBaseAddress, backchannel));
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl ?? "/me" }, [Scheme]));
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
        await app.StartAsync();
        var baseAddress = loopback
            ? new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/")
            : new Uri("https://localhost/");
        if (!loopback)
        {
            app.GetTestServer().BaseAddress = baseAddress;
        }

        return new LoginSite(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The generic OAuth 2.0 handler configured for QQ as blog posts show it: the token endpoint with <c>fmt=json</c>,
/// then an <c>OnCreatingTicket</c> that calls <c>/oauth2.0/me</c> for the openid and get_user_info for the profile,
/// reads both with <see cref="JsonDocument"/> and maps the profile's keys to claims.
/// </summary>
internal static class GenericQqOAuth
{
    public static void Configure(OAuthOptions options, Uri qq, HttpMessageHandler? backchannel)
    {
        var root = qq.AbsoluteUri;
        options.ClientId = QqConnectEmulatorOptions.DefaultAppId;
        options.ClientSecret = QqConnectEmulatorOptions.DefaultAppKey;
        options.CallbackPath = LoginSite.CallbackPath;
        options.AuthorizationEndpoint = root + "oauth2.0/authorize";
        options.TokenEndpoint = root + "oauth2.0/token?fmt=json";
        options.UserInformationEndpoint = root + "user/get_user_info";
        options.Scope.Add("get_user_info");
        options.BackchannelHttpHandler = backchannel;
        options.ClaimActions.MapJsonKey(ClaimTypes.Name, "nickname");
        options.ClaimActions.MapJsonKey(ClaimTypes.Gender, "gender");
        options.ClaimActions.MapJsonKey("urn:qq:figureurl", "figureurl");
        options.ClaimActions.MapJsonKey("urn:qq:figureurl_1", "figureurl_1");
        options.ClaimActions.MapJsonKey("urn:qq:figureurl_2", "figureurl_2");
        options.ClaimActions.MapJsonKey("urn:qq:figureurl_qq_1", "figureurl_qq_1");
        options.ClaimActions.MapJsonKey("urn:qq:figureurl_qq_2", "figureurl_qq_2");
        options.ClaimActions.MapJsonKey("urn:qq:province", "province");
        options.ClaimActions.MapJsonKey("urn:qq:city", "city");
        options.ClaimActions.MapJsonKey("urn:qq:year", "year", ClaimValueTypes.Integer32);
        options.Events.OnCreatingTicket = async context =>
        {
            var aborted = context.HttpContext.RequestAborted;
            var meUrl = QueryHelpers.AddQueryString(root + "oauth2.0/me", new Dictionary<string, string?> { ["access_token"] = context.AccessToken, ["fmt"] = "json" });
            using var meResponse = await context.Backchannel.GetAsync(meUrl, aborted);
            meResponse.EnsureSuccessStatusCode();
            using var me = JsonDocument.Parse(await meResponse.Content.ReadAsStringAsync(aborted));
            var openId = me.RootElement.GetProperty("openid").GetString() ?? throw new InvalidOperationException("QQ sent no openid.");

            var userUrl = QueryHelpers.AddQueryString(context.Options.UserInformationEndpoint, new Dictionary<string, string?>
            {
                ["access_token"] = context.AccessToken,
                ["oauth_consumer_key"] = context.Options.ClientId,
                ["openid"] = openId,
            });
            using var userResponse = await context.Backchannel.GetAsync(userUrl, aborted);
            userResponse.EnsureSuccessStatusCode();
            using var user = JsonDocument.Parse(await userResponse.Content.ReadAsStringAsync(aborted));
            if (user.RootElement.GetProperty("ret").GetInt32() != 0)
            {
                throw new InvalidOperationException("QQ refused get_user_info: " + user.RootElement.GetProperty("msg").GetString());
            }

            context.Identity!.AddClaim(new Claim(ClaimTypes.NameIdentifier, openId, ClaimValueTypes.String, context.Options.ClaimsIssuer));
            context.RunClaimActions(user.RootElement);
        };
    }
}
