using Microsoft.AspNetCore.Authentication.Cookies;
using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of README.md and README.zh-CN.md (both show the same regions), compiled (each region is one ```csharp block).</summary>
internal static class ReadmeSnippets
{
    // README.md, "Quick start: ASP.NET Core, the one-liner".
    public static void QuickStartHandler(WebApplicationBuilder builder)
    {
        #region readme-quick-start-handler
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(options =>
            {
                options.AppId = builder.Configuration["QqConnect:AppId"];
                options.AppKey = builder.Configuration["QqConnect:AppKey"];
            });
        #endregion
    }

    // README.md, "Quick start: ASP.NET Core without the handler (dependency injection)".
    public static void QuickStartWithDependencyInjection(WebApplicationBuilder builder, WebApplication app)
    {
        #region readme-quick-start-di
        // appsettings.json: "QqConnect": { "AppId": "101xxxxxx", "AppKey": "…", "RedirectUri": "https://example.com/signin-qq",
        //                                  "StateKey": "<32+ random bytes, base64, the same on every server>" }
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));
        var states = new QqLoginStateProtector(new QqLoginStateOptions
        {
            Key = Convert.FromBase64String(builder.Configuration["QqConnect:StateKey"]!),
        });

        app.MapGet("/login", (HttpContext http, IQqConnectClient qq) =>
        {
            var login = states.Create(returnUrl: "/");
            http.Response.Cookies.Append("qq.state", login.BrowserBinding, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Expires = login.ExpiresAt });
            return Results.Redirect(qq.BuildAuthorizeUrl(login.State).AbsoluteUri);
        });

        app.MapGet("/signin-qq", async (HttpContext http, IQqConnectClient qq) =>
        {
            var callback = QqCallback.Parse(http.Request.QueryString.Value!);
            callback.ThrowIfError();                                      // QQ's error, e.g. the user denied
            var check = states.Validate(callback.State, http.Request.Cookies["qq.state"]);
            http.Response.Cookies.Delete("qq.state");                     // one use per browser
            if (!check.IsValid) return Results.BadRequest(check.Failure.ToString());
            var token = await qq.ExchangeCodeAsync(callback.Code!);
            var who = await qq.GetOpenIdAsync(token.AccessToken);         // who the user is: the OpenID, never the nickname
            var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
            return Results.Text($"你好, {user.Nickname}");
        });
        #endregion
    }

    // README.md, "Quick start: direct use (scripts, console apps)".
    public static async Task QuickStartDirectUse(string code)
    {
        #region readme-quick-start-direct
        using var qq = new QqConnectClient(new QqConnectOptions
        {
            AppId = "101xxxxxx",
            AppKey = Environment.GetEnvironmentVariable("QQ_APP_KEY")!,
            RedirectUri = "https://example.com/signin-qq",
        });
        Console.WriteLine(qq.BuildAuthorizeUrl("state-123"));
        var token = await qq.ExchangeCodeAsync(code);
        #endregion
    }
}
