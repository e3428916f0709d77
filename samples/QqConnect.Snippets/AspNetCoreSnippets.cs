using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore;
using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of docs/aspnetcore.md and docs/aspnetcore.zh-CN.md, compiled (each region is one ```csharp block).</summary>
internal static class AspNetCoreSnippets
{
    private const string StateCookie = "qq.state";

    // docs/aspnetcore.md, "The handler: AddQqConnect()".
    public static void Handler(WebApplicationBuilder builder, WebApplication app)
    {
        #region aspnetcore-handler
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(options =>
            {
                options.AppId = builder.Configuration["QqConnect:AppId"];
                options.AppKey = builder.Configuration["QqConnect:AppKey"];   // a secret: user secrets / vault
            });
        // ...
        app.UseAuthentication();
        app.UseAuthorization();

        // Only a path of this site (the handler also sends any other return URL to "/").
        app.MapGet("/login", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = returnUrl is ['/'] or ['/', not ('/' or '\\'), ..] ? returnUrl : "/",
            }, ["QQ"]));
        #endregion
    }

    // docs/aspnetcore.md, "Events": the document starts the chain at .AddQqConnect.
    public static void Events(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            #region aspnetcore-events
            .AddQqConnect(options =>
            {
                // ...
                options.Events.OnCreatingTicket = context =>
                {
                    QqAccessToken token = context.Token;   // typed answers, no JSON to pick apart
                    QqOpenId who = context.OpenId;          // OpenId, ClientId, UnionId
                    QqUserInfo user = context.User;         // Nickname, Gender, AvatarUrl, IsVip, …
                    context.Identity!.AddClaim(new Claim("vip", user.IsVip ? "yes" : "no"));
                    // context.Principal and context.Properties can be replaced
                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = context =>
                {
                    // context.Failure is an AuthenticationFailureException; for a QQ error its InnerException is the
                    // QqConnectApiException: ErrorCode (100020, 100048, …), ErrorInfo.Meaning / Advice / Action.
                    var qq = context.Failure?.InnerException as QqConnectApiException;
                    context.Response.Redirect("/login-failed?code=" + qq?.ErrorCode);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
            #endregion
    }

    // docs/aspnetcore.md, "Claims".
    public static void ClaimActions(QqConnectAuthenticationOptions options)
    {
        #region aspnetcore-claim-actions
        options.ClaimActions.DeleteClaim(ClaimTypes.Gender);
        options.ClaimActions.MapJsonKey("urn:qq:constellation", "constellation");
        #endregion
    }

    // docs/aspnetcore.md, "Tokens".
    public static void RefreshTokens(WebApplication app)
    {
        #region aspnetcore-refresh-tokens
        app.MapPost("/qq/refresh", async (HttpContext http) =>
        {
            QqAccessToken token = await http.RefreshQqConnectTokensAsync(); // scheme "QQ" by default
            return Results.Ok(token.ExpiresAt);
        }).RequireAuthorization();
        #endregion
    }

    // docs/aspnetcore.md, "ASP.NET Core Identity".
    public static void Identity(WebApplicationBuilder builder)
    {
        #region aspnetcore-identity
        builder.Services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<AppDb>();
        builder.Services.AddAuthentication().AddQqConnect(options => { /* AppId, AppKey */ });
        #endregion
    }

    // docs/aspnetcore.md, "Several QQ apps".
    public static void SeveralApps(WebApplicationBuilder builder, string webAppId, string webAppKey)
    {
        #region aspnetcore-several-apps
        builder.Services.AddAuthentication()
            .AddQqConnect("QQ", options => { options.AppId = webAppId; options.AppKey = webAppKey; })
            .AddQqConnect("QQ-mobile", "QQ (手机)", options =>
            {
                options.ClientName = "mobile";          // reuse services.AddQqConnectClient("mobile", …)
                options.CallbackPath = "/signin-qq-mobile";
            });
        #endregion
    }

    // docs/aspnetcore.md, "Step 2: register the client and the state protector".
    public static void Step2Register(WebApplicationBuilder builder)
    {
        #region aspnetcore-step2-register
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));

        builder.Services.AddSingleton(_ =>
        {
            var options = new QqLoginStateOptions();
            options.SetKeyFromBase64(builder.Configuration["QqConnect:StateKey"]
                ?? throw new InvalidOperationException("Set QqConnect:StateKey (see docs/aspnetcore.md)."));
            return new QqLoginStateProtector(options);
        });
        #endregion
    }

    // docs/aspnetcore.md, "Step 3: cookie authentication".
    public static void Step3Cookie(WebApplicationBuilder builder, WebApplication app)
    {
        #region aspnetcore-step3-cookie
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Lax;
            });
        builder.Services.AddAuthorization();
        // ...
        app.UseAuthentication();
        app.UseAuthorization();
        #endregion
    }

    // docs/aspnetcore.md, "Step 4: /login sends the browser to QQ".
    public static void Step4Login(WebApplication app)
    {
        #region aspnetcore-step4-login
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
        #endregion
    }

    // docs/aspnetcore.md, "Step 5: /signin-qq checks, exchanges, signs in": the start of the callback; the
    // document elides the rest ("see the full listing", which is Program.cs), so nothing here is awaited.
#pragma warning disable CS1998 // Async method lacks 'await' operators
    public static void Step5Callback(WebApplication app)
    {
        #region aspnetcore-step5-callback
        app.MapGet("/signin-qq", async (HttpContext http, QqLoginStateProtector protector, IQqConnectClient qq, CancellationToken cancellationToken) =>
        {
            var callback = QqCallback.Parse(http.Request.QueryString.Value ?? "");
            var check = protector.Validate(callback.State, http.Request.Cookies[StateCookie]);
            http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/signin-qq" });
            // ... see the full listing
        });
        #endregion
    }
#pragma warning restore CS1998

    // docs/aspnetcore.md, "Step 6: show the user, log out".
    public static void Step6Home(WebApplication app)
    {
        #region aspnetcore-step6-home
        app.MapGet("/", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text($"你好, {user.Identity.Name}")
            : Results.Text("<a href=\"/login\">QQ登录</a>", "text/html; charset=utf-8"));
        #endregion
    }
}
