using System.Collections.Specialized;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>An emulator served in-process to a plain HttpClient, plus small helpers that speak the wire protocol by hand.</summary>
internal sealed partial class Harness : IDisposable
{
    public const string App = QqConnectEmulatorOptions.DefaultAppId;
    public const string Key = QqConnectEmulatorOptions.DefaultAppKey;
    public const string UnionApp = QqConnectEmulatorOptions.UnionIdAppId;
    public const string UnionKey = QqConnectEmulatorOptions.UnionIdAppKey;
    public const string Redirect = "http://localhost:5000/signin-qq";

    public Harness(QqConnectEmulatorOptions? options = null, bool fakeTime = false)
    {
        Time = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)) : null;
        Emulator = new QqConnectEmulator(options, Time);
        Http = new HttpClient(Emulator.CreateHandler()) { BaseAddress = new Uri("https://graph.qq.com/") };
    }

    public Harness(QqConnectEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
    }

    public QqConnectEmulator Emulator { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider? Time { get; }

    public static Uri AuthorizeUrl(string app = App, string redirect = Redirect, string state = "xyz", string responseType = "code") =>
        new("https://graph.qq.com/oauth2.0/authorize?response_type=" + responseType + "&client_id=" + app
            + "&redirect_uri=" + Uri.EscapeDataString(redirect) + "&state=" + Uri.EscapeDataString(state));

    public static string TokenQuery(string code, string app = App, string key = Key, string redirect = Redirect, bool json = false, bool needOpenId = false) =>
        "oauth2.0/token?grant_type=authorization_code&client_id=" + app + "&client_secret=" + key + "&code=" + code
        + "&redirect_uri=" + Uri.EscapeDataString(redirect) + (json ? "&fmt=json" : "") + (needOpenId ? "&need_openid=1" : "");

    public static string RefreshQuery(string refreshToken, string app = App, string key = Key, bool json = false, bool needOpenId = false) =>
        "oauth2.0/token?grant_type=refresh_token&client_id=" + app + "&client_secret=" + key + "&refresh_token=" + refreshToken
        + (json ? "&fmt=json" : "") + (needOpenId ? "&need_openid=1" : "");

    public static NameValueCollection QueryOf(Uri uri) => HttpUtility.ParseQueryString(uri.Query);

    public static string JsonpError(int code, string description) =>
        "callback( {\"error\":" + code + ",\"error_description\":\"" + description + "\"} );\n";

    public static string JsonError(int code, string description) =>
        "{\"error\":" + code + ",\"error_description\":\"" + description + "\"}";

    /// <summary>Plays the browser: approve as <paramref name="user"/>, return the code from the callback.</summary>
    public string NewCode(int user = 0, string app = App, string redirect = Redirect)
    {
        var callback = Emulator.Authorize(AuthorizeUrl(app, redirect), user);
        return QueryOf(callback)["code"]!;
    }

    public async Task<string> GetAsync(string relative, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync(new Uri(relative, UriKind.Relative), cancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Full login: authorize, exchange the code; returns (access token, refresh token).</summary>
    public async Task<(string AccessToken, string RefreshToken)> LoginAsync(int user = 0, string app = App, string key = Key)
    {
        var body = await GetAsync(TokenQuery(NewCode(user, app), app, key));
        return ParseTokens(body);
    }

    public static (string AccessToken, string RefreshToken) ParseTokens(string formBody)
    {
        var match = TokenForm().Match(formBody);
        Assert.True(match.Success, "not a token answer: " + formBody);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("^access_token=([0-9A-F]{32})&expires_in=7776000&refresh_token=([0-9A-F]{32})$")]
    public static partial Regex TokenForm();
}
