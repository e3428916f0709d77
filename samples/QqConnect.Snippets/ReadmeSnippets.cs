using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of README.md and README.zh-CN.md, compiled (each region is one ```csharp block).</summary>
internal static class ReadmeSnippets
{
    // README.md, "Quick start: ASP.NET Core with dependency injection".
    public static void QuickStartWithDependencyInjection(WebApplicationBuilder builder, WebApplication app)
    {
        #region readme-quick-start-di
        // appsettings.json: "QqConnect": { "AppId": "101xxxxxx", "AppKey": "…", "RedirectUri": "https://example.com/signin-qq" }
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));

        app.MapGet("/login", (IQqConnectClient qq) =>
            Results.Redirect(qq.BuildAuthorizeUrl(state: "an unguessable value tied to this browser").AbsoluteUri));

        app.MapGet("/signin-qq", async (string code, string state, IQqConnectClient qq) =>
        {
            // validate state first (see docs/security.md), then:
            var token = await qq.ExchangeCodeAsync(code);
            var who = await qq.GetOpenIdAsync(token.AccessToken);
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

    // README.zh-CN.md, "快速上手（ASP.NET Core）": the state key comes from a secret store.
    public static void QuickStartZh(WebApplicationBuilder builder, WebApplication app, byte[] stateKey)
    {
        #region readme-zh-quick-start
        // appsettings.json: "QqConnect": { "AppId": "101xxxxxx", "RedirectUri": "https://example.com/signin-qq" }
        // APP Key 放在机密存储中：dotnet user-secrets set "QqConnect:AppKey" "<你的 APP Key>"
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));
        builder.Services.AddSingleton(new QqLoginStateProtector(new QqLoginStateOptions { Key = stateKey }));

        app.MapGet("/login", (HttpContext http, QqLoginStateProtector states, IQqConnectClient qq) =>
        {
            var login = states.Create(returnUrl: "/");
            http.Response.Cookies.Append("qq.state", login.BrowserBinding,
                new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            return Results.Redirect(qq.BuildAuthorizeUrl(login.State).AbsoluteUri);
        });

        app.MapGet("/signin-qq", async (HttpContext http, QqLoginStateProtector states, IQqConnectClient qq) =>
        {
            var callback = QqCallback.Parse(http.Request.QueryString.Value ?? "");
            var check = states.Validate(callback.State, http.Request.Cookies["qq.state"]);
            http.Response.Cookies.Delete("qq.state");
            if (!callback.IsSuccess || !check.IsValid) return Results.BadRequest("登录已失效，请重试");

            var token = await qq.ExchangeCodeAsync(callback.Code!);          // code 只能用一次，不要重试
            var who = await qq.GetOpenIdAsync(token.AccessToken);
            var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);
            return Results.Text($"你好，{user.Nickname}（OpenID：{who.OpenId}）");
        });
        #endregion
    }

    // README.zh-CN.md, direct use without dependency injection.
    public static void DirectUseZh()
    {
        #region readme-zh-direct-use
        using var qq = new QqConnectClient(new QqConnectOptions
        {
            AppId = "101xxxxxx",
            AppKey = Environment.GetEnvironmentVariable("QQ_APP_KEY")!,
            RedirectUri = "https://example.com/signin-qq",
        });
        #endregion
    }
}
