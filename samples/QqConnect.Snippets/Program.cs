// docs/aspnetcore.md, "The complete Program.cs": the hand-wired login, compiled.
#region aspnetcore-program
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QqConnect.Client;

var builder = WebApplication.CreateBuilder(args);

// 1. The QQ client, from the "QqConnect" section (validated at start-up).
builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));

// 2. The state protector: one key for every server, kept in a secret store.
builder.Services.AddSingleton(_ =>
{
    var options = new QqLoginStateOptions();
    options.SetKeyFromBase64(builder.Configuration["QqConnect:StateKey"]
        ?? throw new InvalidOperationException("Set QqConnect:StateKey (see docs/aspnetcore.md)."));
    return new QqLoginStateProtector(options);
});

// 3. Your own sign-in: a cookie.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/login";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
    });
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

const string StateCookie = "qq.state";

// 4. Start the login.
app.MapGet("/login", (string? returnUrl, HttpContext http, QqLoginStateProtector protector, IQqConnectClient qq) =>
{
    var login = protector.Create(returnUrl);
    http.Response.Cookies.Append(StateCookie, login.BrowserBinding, new CookieOptions
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax, // not Strict: QQ's redirect is a cross-site navigation
        Expires = login.ExpiresAt,
        Path = "/signin-qq",
    });
    return Results.Redirect(qq.BuildAuthorizeUrl(login.State).AbsoluteUri);
});

// 5. QQ's callback.
app.MapGet("/signin-qq", async (HttpContext http, QqLoginStateProtector protector, IQqConnectClient qq, CancellationToken cancellationToken) =>
{
    var callback = QqCallback.Parse(http.Request.QueryString.Value ?? "");
    var check = protector.Validate(callback.State, http.Request.Cookies[StateCookie]);
    http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/signin-qq" });

    if (callback.Outcome is QqCallbackOutcome.Error or QqCallbackOutcome.Cancelled)
    {
        // The user pressed "cancel" (取消; usercancel on the mobile page), or the app is misconfigured (e.g. 100010).
        return Results.Redirect("/login-failed?reason=" + callback.ErrorCode);
    }

    if (!callback.IsSuccess || !check.IsValid)
    {
        return Results.BadRequest("Login expired or not started in this browser. Please try again.");
    }

    try
    {
        var token = await qq.ExchangeCodeAsync(callback.Code!, cancellationToken);
        var who = await qq.GetOpenIdAsync(token.AccessToken, cancellationToken);
        var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId, cancellationToken);

        // 6. Your user id is the OpenID (or the UnionID when several apps share users).
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, who.OpenId),
            new Claim(ClaimTypes.Name, user.Nickname),
            new Claim("qq:avatar", user.AvatarUrl ?? ""),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(new ClaimsPrincipal(identity));
        return Results.LocalRedirect(check.ReturnUrl!);
    }
    catch (QqConnectApiException e) when (e.ErrorInfo?.Action == QqErrorAction.Relogin)
    {
        // 100019/100020: an expired or used code. Never retry it: start a new login.
        return Results.Redirect("/login");
    }
});

app.MapGet("/", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
    ? Results.Text($"你好, {user.Identity.Name}")
    : Results.Text("<a href=\"/login\">QQ登录</a>", "text/html; charset=utf-8"));

app.MapPost("/logout", async (HttpContext http) =>
{
    await http.SignOutAsync();
    return Results.Redirect("/");
}).RequireAuthorization();

app.Run();
#endregion
