using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of docs/configuration.md, compiled (each region is one ```csharp block).</summary>
internal static class ConfigurationSnippets
{
    // docs/configuration.md, binding the "QqConnect" section.
    public static void FromSection(WebApplicationBuilder builder)
    {
        #region configuration-from-section
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect"));
        #endregion
    }

    // docs/configuration.md, "In code instead".
    public static void InCode(WebApplicationBuilder builder)
    {
        #region configuration-in-code
        builder.Services.AddQqConnectClient(options =>
        {
            options.AppId = "101234567";
            options.AppKey = builder.Configuration["QqConnect:AppKey"]!;
            options.RedirectUri = "https://www.example.com/signin-qq";
            options.Resilience.MaxRetryAttempts = 3;
        });
        #endregion
    }

    // docs/configuration.md, several apps: named clients (the body type is MobileLogin.cs).
    public static void NamedClients(WebApplicationBuilder builder, WebApplication app)
    {
        #region configuration-named-clients
        // The unnamed registration is also IQqConnectClient.
        builder.Services.AddQqConnectClient(builder.Configuration.GetSection("QqConnect:Web"));
        builder.Services.AddQqConnectClient("mobile", builder.Configuration.GetSection("QqConnect:Mobile"));

        app.MapPost("/api/qq-mobile-login", async (MobileLogin body, IQqConnectClientFactory factory) =>
        {
            IQqConnectClient mobile = factory.CreateClient("mobile");
            var who = await mobile.VerifyAccessTokenAsync(body.AccessToken, body.OpenId);
            // who.UnionId identifies the same person in the web app and the mobile app
            return Results.Ok();
        });
        #endregion
    }

    // docs/configuration.md, "Direct use, without dependency injection".
    public static void DirectUse()
    {
        #region configuration-direct-use
        using var qq = new QqConnectClient(new QqConnectOptions
        {
            AppId = Environment.GetEnvironmentVariable("QQ_APP_ID")!,
            AppKey = Environment.GetEnvironmentVariable("QQ_APP_KEY")!,
            RedirectUri = Environment.GetEnvironmentVariable("QQ_REDIRECT_URI")!,
        });
        #endregion
    }
}
