using System.Web;
using QqConnect.Client.Testing;

namespace QqConnect.IntegrationTests;

/// <summary>The steps of a QQ login as a site runs them, with the emulator playing the browser and QQ.</summary>
internal static class LoginFlow
{
    public const string RedirectUri = "http://127.0.0.1:5000/signin-qq";

    public static QqConnectOptions Options(Uri baseAddress, Action<QqConnectOptions>? configure = null)
    {
        var options = new QqConnectOptions
        {
            AppId = QqConnectEmulatorOptions.DefaultAppId,
            AppKey = QqConnectEmulatorOptions.DefaultAppKey,
            RedirectUri = RedirectUri,
            BaseAddress = baseAddress,
        };
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Builds the authorize URL, lets user <paramref name="userIndex"/> approve, and returns the callback's code.</summary>
    public static string Authorize(IQqConnectClient client, QqConnectEmulator emulator, int userIndex, string state = "state-1")
    {
        var callback = emulator.Authorize(client.BuildAuthorizeUrl(state), userIndex);
        var query = HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(state, query["state"]);
        return query["code"] ?? throw new InvalidOperationException("The callback carried no code.");
    }

    public static async Task<(QqAccessToken Token, QqOpenId OpenId, QqUserInfo User)> RunAsync(IQqConnectClient client, QqConnectEmulator emulator, int userIndex)
    {
        var code = Authorize(client, emulator, userIndex, $"state-{userIndex}-{Guid.NewGuid():N}");
        var token = await client.ExchangeCodeAsync(code);
        var openId = await client.GetOpenIdAsync(token.AccessToken);
        var user = await client.GetUserInfoAsync(token.AccessToken, openId.OpenId);
        return (token, openId, user);
    }
}
