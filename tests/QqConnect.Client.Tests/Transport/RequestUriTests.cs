using System.Web;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// What goes on the wire for each call: the path and query exactly as the SDK escaped them. On .NET 6+ the SDK
/// builds these URIs without Uri's canonicalisation of the path and query (it escapes every part itself), so
/// these tests pin that nothing it sends depends on that canonicalisation. The same tests run against the
/// netstandard2.0 build, which parses them in full.
/// </summary>
public sealed class RequestUriTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    public static TheoryData<string> AwkwardValues() => new()
    {
        "a b+c/d?e#f%g&h=i;j",
        "..%2F../%2e%2e/x",
        "中文-值~_.!*'()",
        "%E4%B8%AD%zz%",
        "\u00e9t\u00e9 \ud83d\ude00",
    };

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public async Task ExchangeCode_CodeAndRedirectUriWithReservedOrNonAsciiCharacters_ArriveUnchanged(string value)
    {
        var redirectUri = "https://example.com/signin-qq?x=" + Uri.EscapeDataString(value) + "&y=" + value;
        Uri? sent = null;
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").With(request => (sent = request.RequestUri) is not null)
            .RespondWithFixture("token/json-success-string-expires.txt");
        using var client = TestApp.Client(_network);

        await client.ExchangeCodeAsync(value, redirectUri);

        Assert.Equal("/oauth2.0/token", sent!.AbsolutePath);
        Assert.Equal(
            $"/oauth2.0/token?grant_type=authorization_code&client_id={TestApp.AppId}&client_secret={TestApp.AppKey}"
            + $"&code={Uri.EscapeDataString(value)}&redirect_uri={Uri.EscapeDataString(redirectUri)}&fmt=json&need_openid=1",
            sent.PathAndQuery);
        var query = HttpUtility.ParseQueryString(sent.Query);
        Assert.Equal(value, query["code"]);
        Assert.Equal(redirectUri, query["redirect_uri"]);
        Assert.Equal(string.Empty, sent.Fragment);
    }

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public async Task Refresh_TokenWithReservedOrNonAsciiCharacters_ArrivesUnchanged(string value)
    {
        Uri? sent = null;
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").With(request => (sent = request.RequestUri) is not null)
            .RespondWithFixture("token/json-success-string-expires.txt");
        using var client = TestApp.Client(_network);

        await client.RefreshAsync(value);

        Assert.Equal(
            $"/oauth2.0/token?grant_type=refresh_token&client_id={TestApp.AppId}&client_secret={TestApp.AppKey}&refresh_token={Uri.EscapeDataString(value)}&fmt=json",
            sent!.PathAndQuery);
        Assert.Equal(value, HttpUtility.ParseQueryString(sent.Query)["refresh_token"]);
    }

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public async Task GetOpenIdAndUserInfo_TokenAndOpenIdWithReservedOrNonAsciiCharacters_ArriveUnchanged(string value)
    {
        var sent = new List<Uri>();
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").With(request => Capture(sent, request))
            .RespondWithFixture("me/json-success.txt");
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").With(request => Capture(sent, request))
            .RespondWithFixture("userinfo/full-pretty.json");
        using var client = TestApp.Client(_network);

        await client.GetOpenIdAsync(value);
        await client.GetUserInfoAsync(value, value + "#");

        Assert.Equal($"/oauth2.0/me?access_token={Uri.EscapeDataString(value)}&fmt=json", sent[0].PathAndQuery);
        Assert.Equal(value, HttpUtility.ParseQueryString(sent[0].Query)["access_token"]);
        Assert.Equal("/user/get_user_info", sent[1].AbsolutePath);
        var query = HttpUtility.ParseQueryString(sent[1].Query);
        Assert.Equal(value, query["access_token"]);
        Assert.Equal(value + "#", query["openid"]);
        Assert.Equal(TestApp.AppId, query["oauth_consumer_key"]);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Calls_ToABaseAddressWithAPathPortAndUpperCaseHost_KeepItAsTheOptionsGiveIt()
    {
        Uri? sent = null;
        _network.Expect(HttpMethod.Get, "https://qq.example:8443/emulator/oauth2.0/me").With(request => (sent = request.RequestUri) is not null)
            .RespondWithFixture("me/json-success.txt");
        using var client = TestApp.Client(_network, options => options.BaseAddress = new Uri("https://QQ.Example:8443/emulator/"));

        await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal("qq.example", sent!.Host);
        Assert.Equal(8443, sent.Port);
        Assert.Equal($"/emulator/oauth2.0/me?access_token={TestApp.AccessToken}&fmt=json", sent.PathAndQuery);
    }

    private static bool Capture(List<Uri> sent, HttpRequestMessage request)
    {
        sent.Add(request.RequestUri!);
        return true;
    }
}
