using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task Token_Default_ReturnsFormPairsAsTextHtmlWithServerTws()
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri(Harness.TokenQuery(h.NewCode()), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Matches("^access_token=[0-9A-F]{32}&expires_in=7776000&refresh_token=[0-9A-F]{32}$", body);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("tws", response.Headers.GetValues("Server").Single());
    }

    [Fact]
    public async Task Token_FmtJson_ReturnsJsonWithExpiresInAsString()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode(), json: true));

        Assert.Matches("^\\{\"access_token\":\"[0-9A-F]{32}\",\"expires_in\":\"7776000\",\"refresh_token\":\"[0-9A-F]{32}\"\\}$", body);
    }

    [Fact]
    public async Task Token_ConfiguredLifetime_IsReturnedAsExpiresIn()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { AccessTokenLifetime = TimeSpan.FromSeconds(5_184_000) });
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode()));

        Assert.Contains("&expires_in=5184000&", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_OmitRefreshTokenOption_AnswersWithoutRefreshToken()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { OmitRefreshToken = true });
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode()));

        Assert.Matches("^access_token=[0-9A-F]{32}&expires_in=7776000$", body);
    }

    [Fact]
    public async Task Token_ReusedCode_Returns100020AsJsonpAndCountsTheReplay()
    {
        using var h = new Harness();
        var code = h.NewCode();
        await h.GetAsync(Harness.TokenQuery(code));

        using var response = await h.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes("callback( {\"error\":100020,\"error_description\":\"code is reused error\"} );\n"), bytes);
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task Token_ReusedCode_Returns100020AsPlainJsonWithFmtJson()
    {
        using var h = new Harness();
        var code = h.NewCode();
        await h.GetAsync(Harness.TokenQuery(code, json: true));

        var body = await h.GetAsync(Harness.TokenQuery(code, json: true));

        Assert.Equal("{\"error\":100020,\"error_description\":\"code is reused error\"}", body);
    }

    [Fact]
    public async Task Token_UnknownCode_Returns100019AsJsonp()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery("0123456789ABCDEF0123456789ABCDEF"));

        Assert.Equal(Harness.JsonpError(100019, "code to access token error"), body);
        Assert.Equal(0, h.Emulator.CodeReplays);
    }

    [Theory]
    [InlineData("grant_type=authorization_code&client_secret=k&code=c&redirect_uri=x", 100001, "param client_id is wrong or lost ")]
    [InlineData("grant_type=authorization_code&client_id=42&client_secret=k&code=c&redirect_uri=x", 100008, "client id is illegal")]
    [InlineData("client_id=100000001&client_secret=emulator-app-key-0123456789abcdef&code=c&redirect_uri=x", 100004, "param grant_type is wrong or lost ")]
    [InlineData("grant_type=password&client_id=100000001&client_secret=emulator-app-key-0123456789abcdef", 100004, "param grant_type is wrong or lost ")]
    [InlineData("grant_type=authorization_code&client_id=100000001&code=c&redirect_uri=x", 100002, "param client_secret is wrong or lost ")]
    [InlineData("grant_type=authorization_code&client_id=100000001&client_secret=wrong&code=c&redirect_uri=x", 100009, "client secret is illegal")]
    [InlineData("grant_type=authorization_code&client_id=100000001&client_secret=emulator-app-key-0123456789abcdef&redirect_uri=x", 100005, "param code is wrong or lost ")]
    [InlineData("grant_type=authorization_code&client_id=100000001&client_secret=emulator-app-key-0123456789abcdef&code=c", 100010, "redirect uri is illegal")]
    [InlineData("grant_type=refresh_token&client_id=100000001&client_secret=emulator-app-key-0123456789abcdef", 100006, "param refresh_token is wrong or lost ")]
    [InlineData("grant_type=refresh_token&client_id=100000001&client_secret=emulator-app-key-0123456789abcdef&refresh_token=NOPE", 100021, "refresh token is invalid")]
    public async Task Token_InvalidRequest_ReturnsQqErrorAsJsonpWithHttp200(string query, int code, string description)
    {
        using var h = new Harness();
        var body = await h.GetAsync("oauth2.0/token?" + query);

        Assert.Equal(Harness.JsonpError(code, description), body);
    }

    [Fact]
    public async Task Token_RedirectUriDifferingByTrailingSlash_Returns100010AndLeavesCodeUsable()
    {
        using var h = new Harness();
        var code = h.NewCode();

        var body = await h.GetAsync(Harness.TokenQuery(code, redirect: Harness.Redirect + "/"));
        Assert.Equal(Harness.JsonpError(100010, "redirect uri is illegal"), body);

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(code)));
    }

    [Fact]
    public async Task Token_CodeIssuedToAnotherApp_Returns100019()
    {
        using var h = new Harness();
        var code = h.NewCode(app: Harness.UnionApp);

        var body = await h.GetAsync(Harness.TokenQuery(code));

        Assert.Equal(Harness.JsonpError(100019, "code to access token error"), body);
    }

    [Fact]
    public async Task Token_CodeJustUnderTenMinutesOld_IsRedeemed()
    {
        using var h = new Harness(fakeTime: true);
        var code = h.NewCode();
        h.Time!.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(code)));
    }

    [Fact]
    public async Task Token_CodeOlderThanTenMinutes_Returns100019()
    {
        using var h = new Harness(fakeTime: true);
        var code = h.NewCode();
        h.Time!.Advance(TimeSpan.FromMinutes(10));

        var body = await h.GetAsync(Harness.TokenQuery(code, json: true));

        Assert.Equal(Harness.JsonError(100019, "code to access token error"), body);
    }

    [Fact]
    public async Task Refresh_ReturnsNewAccessAndRefreshTokensAndKillsTheOldRefreshToken()
    {
        using var h = new Harness();
        var (access1, refresh1) = await h.LoginAsync();

        var (access2, refresh2) = Harness.ParseTokens(await h.GetAsync(Harness.RefreshQuery(refresh1)));
        Assert.NotEqual(access1, access2);
        Assert.NotEqual(refresh1, refresh2);

        var replay = await h.GetAsync(Harness.RefreshQuery(refresh1));
        Assert.Equal(Harness.JsonpError(100021, "refresh token is invalid"), replay);
        Assert.Equal(1, h.Emulator.RefreshTokenReplays);

        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.RefreshQuery(refresh2)));
        Assert.Contains("\"openid\"", await h.GetAsync("oauth2.0/me?access_token=" + access2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_FmtJson_ReturnsJsonWithExpiresInAsString()
    {
        using var h = new Harness();
        var (_, refresh) = await h.LoginAsync();

        var body = await h.GetAsync(Harness.RefreshQuery(refresh, json: true));

        Assert.Matches("^\\{\"access_token\":\"[0-9A-F]{32}\",\"expires_in\":\"7776000\",\"refresh_token\":\"[0-9A-F]{32}\"\\}$", body);
    }

    [Fact]
    public async Task Refresh_UnknownToken_Returns100021WithoutCountingAReplay()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.RefreshQuery("0123456789ABCDEF0123456789ABCDEF", json: true));

        Assert.Equal(Harness.JsonError(100021, "refresh token is invalid"), body);
        Assert.Equal(0, h.Emulator.RefreshTokenReplays);
    }

    [Fact]
    public async Task Refresh_WithAnotherAppsCredentials_Returns100021()
    {
        using var h = new Harness();
        var (_, refresh) = await h.LoginAsync();

        var body = await h.GetAsync(Harness.RefreshQuery(refresh, Harness.UnionApp, Harness.UnionKey));

        Assert.Equal(Harness.JsonpError(100021, "refresh token is invalid"), body);
    }

    [Fact]
    public async Task Refresh_AfterTheLoginsRefreshWindow_Returns100021()
    {
        using var h = new Harness(fakeTime: true);
        var (_, refresh) = await h.LoginAsync();
        h.Time!.Advance(TimeSpan.FromDays(180));

        var body = await h.GetAsync(Harness.RefreshQuery(refresh));

        Assert.Equal(Harness.JsonpError(100021, "refresh token is invalid"), body);
    }

    [Fact]
    public async Task Token_EmptyPost_IsAnsweredLikeAnEmptyGetWith100001()
    {
        using var h = new Harness();
        using var content = new StringContent("");
        using var response = await h.Http.PostAsync(new Uri("oauth2.0/token", UriKind.Relative), content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Harness.JsonpError(100001, "param client_id is wrong or lost "), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_Put_Returns405()
    {
        using var h = new Harness();
        using var content = new StringContent("");
        using var response = await h.Http.PutAsync(new Uri("oauth2.0/token", UriKind.Relative), content);

        Assert.Equal(405, (int)response.StatusCode);
    }
    [Fact]
    public async Task Token_NeedOpenId_FormAnswerCarriesTheOpenIdThatMeGives()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode(), needOpenId: true));

        var match = System.Text.RegularExpressions.Regex.Match(body, "^access_token=([0-9A-F]{32})&expires_in=7776000&refresh_token=[0-9A-F]{32}&openid=([0-9A-F]{32})$");
        Assert.True(match.Success, body);
        var me = await h.GetAsync("oauth2.0/me?fmt=json&access_token=" + match.Groups[1].Value);
        Assert.Contains("\"openid\":\"" + match.Groups[2].Value + "\"", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_NeedOpenIdWithFmtJson_JsonAnswerCarriesTheOpenIdAndNoUnionIdOrClientId()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode(app: Harness.UnionApp), Harness.UnionApp, Harness.UnionKey, json: true, needOpenId: true));

        Assert.Matches("^\\{\"access_token\":\"[0-9A-F]{32}\",\"expires_in\":\"7776000\",\"refresh_token\":\"[0-9A-F]{32}\",\"openid\":\"[0-9A-F]{32}\"\\}$", body);
        Assert.DoesNotContain("unionid", body, StringComparison.Ordinal);
        Assert.DoesNotContain("client_id", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_WithoutNeedOpenId_AnswerHasNoOpenId(bool json)
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode(), json: json));

        Assert.DoesNotContain("openid", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_NeedOpenIdOtherThanOne_AnswerHasNoOpenId()
    {
        using var h = new Harness();
        var body = await h.GetAsync(Harness.TokenQuery(h.NewCode()) + "&need_openid=0");

        Assert.DoesNotContain("openid", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_NeedOpenId_AnswerCarriesTheSameOpenIdAsTheLogin()
    {
        using var h = new Harness();
        var first = await h.GetAsync(Harness.TokenQuery(h.NewCode(), needOpenId: true));
        var refreshToken = System.Text.RegularExpressions.Regex.Match(first, "refresh_token=([0-9A-F]{32})").Groups[1].Value;
        var openId = System.Text.RegularExpressions.Regex.Match(first, "openid=([0-9A-F]{32})").Groups[1].Value;

        var refreshed = await h.GetAsync(Harness.RefreshQuery(refreshToken, needOpenId: true));
        var plain = await h.GetAsync(Harness.RefreshQuery(System.Text.RegularExpressions.Regex.Match(refreshed, "refresh_token=([0-9A-F]{32})").Groups[1].Value));

        Assert.EndsWith("&openid=" + openId, refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("openid", plain, StringComparison.Ordinal);
    }
}
