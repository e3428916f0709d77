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
}
