using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using QqConnect.Client;
using QqConnect.Client.Testing;

namespace QqConnect.Snippets;

/// <summary>The code of docs/getting-started.md, compiled (each region is one ```csharp block).</summary>
internal static class GettingStartedSnippets
{
    // docs/getting-started.md, "In unit tests, skip sockets entirely".
    public static async Task UnitTest()
    {
        #region getting-started-unit-test
        var emulator = new QqConnectEmulator();
        using var http = new HttpClient(emulator.CreateHandler());
        var qq = new QqConnectClient(http, new QqConnectOptions
        {
            AppId = QqConnectEmulatorOptions.DefaultAppId,
            AppKey = QqConnectEmulatorOptions.DefaultAppKey,
            RedirectUri = "http://localhost:5000/signin-qq",
        });

        var callback = QqCallback.Parse(emulator.Authorize(qq.BuildAuthorizeUrl("state-1"), userIndex: 0));
        var token = await qq.ExchangeCodeAsync(callback.Code!);
        var who = await qq.GetOpenIdAsync(token.AccessToken);
        var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId);   // user.Nickname == "小明"
        #endregion
    }

    // docs/getting-started.md, README.md, README.zh-CN.md and docs/emulator.md: QQ login in Development before QQ
    // approves the app (QqConnect.AspNetCore.Emulator).
    public static void DevelopmentLogin(WebApplicationBuilder builder)
    {
        #region development-login
        builder.Services.AddAuthentication()
            .AddQqConnect(builder.Configuration.GetSection("QqConnect"))
            .UseEmulatorInDevelopment();
        #endregion
    }

    // docs/getting-started.md, "In the standard Identity templates": the Blazor template's AddAuthentication call with
    // QQ chained before AddIdentityCookies(). tests/QqConnect.BrowserTests puts this block into a generated template.
    public static void DevelopmentLoginBlazor(WebApplicationBuilder builder)
    {
        #region development-login-blazor
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddQqConnect(builder.Configuration.GetSection("QqConnect"))
            .UseEmulatorInDevelopment()
            .AddIdentityCookies();
        #endregion
    }

    // docs/getting-started.md, the handler configured from a section, then by code.
    public static void HandlerFromSection(WebApplicationBuilder builder)
    {
        #region getting-started-handler-section
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddQqConnect(builder.Configuration.GetSection("QqConnect"), options =>
                options.Events.OnAccessDenied = context =>
                {
                    context.Response.Redirect("/login?m=qq-denied");
                    context.HandleResponse();
                    return Task.CompletedTask;
                });
        #endregion
    }

    // docs/getting-started.md, registering the client in an app.
    public static void Register(WebApplicationBuilder builder)
    {
        #region getting-started-register
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));
        #endregion
    }
}
