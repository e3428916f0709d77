using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QqConnect.Client;

namespace QqConnect.Sample.Web;

/// <summary>The pages of the sample: home, the QQ login round trip, profile, token refresh and logout.</summary>
internal static class QqLoginEndpoints
{
    /// <summary>The cookie that binds a login's state to the browser that started it.</summary>
    private const string BindingCookie = "qqsample.login";

    public static void MapQqLogin(this WebApplication app, SampleSettings settings)
    {
        app.MapGet("/", (HttpContext context, string? returnUrl) => Pages.Home(context.User, returnUrl, settings.IsDemo));
        app.MapGet("/login", Login);
        app.MapGet(settings.CallbackPath, CallbackAsync);
        app.MapGet("/profile", ProfileAsync).RequireAuthorization();
        app.MapPost("/refresh", RefreshAsync).RequireAuthorization();
        app.MapPost("/logout", LogoutAsync);
    }

    /// <summary>Step 1: a fresh state, its browser binding in a cookie, and off to QQ's authorize page.</summary>
    private static IResult Login(
        HttpContext context, string? returnUrl, IQqConnectClient qq, QqLoginStateProtector protector, SampleSettings settings)
    {
        // The cookie must live on the host QQ sends the browser back to. In demo mode someone may open
        // http://localhost:5000 while the callback is http://127.0.0.1:5000: start over on the callback's origin.
        if (settings.IsDemo && !settings.IsSiteOrigin(context.Request))
        {
            return Results.Redirect(new Uri(settings.SiteAddress, "login" + context.Request.QueryString).AbsoluteUri);
        }

        // returnUrl is untrusted input: the protector keeps it only when it is a local path.
        var login = protector.Create(returnUrl);
        context.Response.Cookies.Append(BindingCookie, login.BrowserBinding, BindingCookieOptions(context, settings, login.ExpiresAt));
        return Results.Redirect(qq.BuildAuthorizeUrl(login.State).AbsoluteUri);
    }

    /// <summary>Step 2: QQ sends the browser back with a code (or an error) and our state.</summary>
    private static async Task<IResult> CallbackAsync(
        HttpContext context,
        IQqConnectClient qq,
        QqLoginStateProtector protector,
        SampleSettings settings,
        CancellationToken cancellationToken)
    {
        // The browser binding is good for one callback: read it and delete the cookie straight away.
        var binding = context.Request.Cookies[BindingCookie];
        context.Response.Cookies.Delete(BindingCookie, BindingCookieOptions(context, settings, expires: null));

        // A QQ error (the user pressed "deny", …) throws QqConnectApiException, shown by QqErrorPageMiddleware.
        var callback = QqCallback.Parse(context.Request.QueryString.Value ?? string.Empty);

        // Cancel on QQ's mobile page (display=mobile) comes back as usercancel: the user's choice, not an error.
        if (callback.Outcome == QqCallbackOutcome.Cancelled)
        {
            return Pages.Cancelled();
        }

        callback.ThrowIfError();

        // CSRF check before the code is used: the state must be genuine, recent and made for this browser.
        var state = protector.Validate(callback.State, binding);
        if (!state.IsValid)
        {
            return Pages.StateError(state.Failure);
        }

        // Code -> token -> OpenID -> profile. The code is single-use: the SDK never retries the exchange.
        var token = await qq.ExchangeCodeAsync(callback.Code!, cancellationToken);
        var ids = await qq.GetOpenIdAsync(token.AccessToken, cancellationToken);
        var user = await qq.GetUserInfoAsync(token.AccessToken, ids.OpenId, cancellationToken);

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, ids.OpenId),
                new Claim(ClaimTypes.Name, user.Nickname),
                new Claim(SampleClaims.Avatar, user.AvatarUrl ?? string.Empty),
                new Claim(SampleClaims.Gender, user.Gender ?? string.Empty),
                new Claim(SampleClaims.Province, user.Province ?? string.Empty),
                new Claim(SampleClaims.City, user.City ?? string.Empty),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties();
        StoreTokens(properties, token);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);

        return Results.LocalRedirect(state.ReturnUrl ?? "/profile");
    }

    private static async Task<IResult> ProfileAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var expiresAt = await context.GetTokenAsync("expires_at");
        return Pages.Profile(context.User, expiresAt, antiforgery.GetAndStoreTokens(context));
    }

    /// <summary>Renews the access token. The refresh token is single-use: the new one replaces it at once.</summary>
    private static async Task<IResult> RefreshAsync(
        HttpContext context, IQqConnectClient qq, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Pages.BadRequest();
        }

        var auth = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var refreshToken = auth.Properties?.GetTokenValue("refresh_token");
        if (auth.Principal is null || auth.Properties is null || refreshToken is null)
        {
            return Pages.Message("No refresh token", "QQ sent no refresh token with this login. Log in again to get a new access token.");
        }

        var token = await qq.RefreshAsync(refreshToken, cancellationToken);
        StoreTokens(auth.Properties, token);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, auth.Principal, auth.Properties);
        return Pages.Refreshed(token.ExpiresAt);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Pages.BadRequest();
        }

        // QQ Connect has no revocation endpoint: forgetting the tokens is all there is to do.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/");
    }

    private static void StoreTokens(AuthenticationProperties properties, QqAccessToken token)
    {
        var tokens = new List<AuthenticationToken>
        {
            new() { Name = "access_token", Value = token.AccessToken },
            new() { Name = "expires_at", Value = token.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        };
        if (token.RefreshToken is not null)
        {
            tokens.Add(new() { Name = "refresh_token", Value = token.RefreshToken });
        }

        properties.StoreTokens(tokens);
    }

    // HttpOnly: no script reads it. SameSite=Lax: sent on QQ's top-level redirect back to us. Secure on https.
    // Scoped to the callback path, the only place that reads it.
    private static CookieOptions BindingCookieOptions(HttpContext context, SampleSettings settings, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = settings.CallbackPath,
        Expires = expires,
        IsEssential = true,
    };
}

/// <summary>Claim types for the QQ profile fields the sample keeps.</summary>
internal static class SampleClaims
{
    public const string Avatar = "qq:avatar";
    public const string Gender = "qq:gender";
    public const string Province = "qq:province";
    public const string City = "qq:city";
}
