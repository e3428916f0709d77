using System.Text;

namespace QqConnect.Emulator.Tests;

public sealed class UserInfoTests
{
    [Fact]
    public async Task UserInfo_ReturnsQqsPrettyPrintedShapeWithNumbersAsStringsAndEscapedSlashes()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync(user: 0);
        var openId = h.Emulator.GetOpenId(Harness.App, 0);

        using var response = await h.Http.GetAsync(new Uri(
            "user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001&openid=" + openId, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var avatar = "https:\\/\\/graph.qq.com\\/qlogo\\/";
        var expected =
            "{\n"
            + "\t\"ret\": 0,\n"
            + "\t\"msg\": \"\",\n"
            + "\t\"is_lost\":0,\n"
            + "\t\"nickname\": \"小明\",\n"
            + "\t\"gender\": \"男\",\n"
            + "\t\"gender_type\": 1,\n"
            + "\t\"province\": \"广东\",\n"
            + "\t\"city\": \"深圳\",\n"
            + "\t\"year\": \"1990\",\n"
            + "\t\"constellation\": \"摩羯座\",\n"
            + "\t\"figureurl\": \"" + avatar + "qzapp\\/100000001\\/" + openId + "\\/30\",\n"
            + "\t\"figureurl_1\": \"" + avatar + "qzapp\\/100000001\\/" + openId + "\\/50\",\n"
            + "\t\"figureurl_2\": \"" + avatar + "qzapp\\/100000001\\/" + openId + "\\/100\",\n"
            + "\t\"figureurl_qq_1\": \"" + avatar + "qqapp\\/100000001\\/" + openId + "\\/40\",\n"
            + "\t\"figureurl_qq_2\": \"" + avatar + "qqapp\\/100000001\\/" + openId + "\\/100\",\n"
            + "\t\"figureurl_qq\": \"" + avatar + "qqapp\\/100000001\\/" + openId + "\\/640\",\n"
            + "\t\"figureurl_type\": \"1\",\n"
            + "\t\"is_yellow_vip\": \"0\",\n"
            + "\t\"vip\": \"0\",\n"
            + "\t\"yellow_vip_level\": \"0\",\n"
            + "\t\"level\": \"0\",\n"
            + "\t\"is_yellow_year_vip\": \"0\"\n"
            + "}";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task UserInfo_UserWithoutLargeQqAvatar_LeavesFigureurlQq2Out()
    {
        using var h = new Harness();
        var body = await GetUserInfoAsync(h, user: 1);

        Assert.DoesNotContain("figureurl_qq_2", body, StringComparison.Ordinal);
        Assert.Contains("\t\"province\": \"\",\n", body, StringComparison.Ordinal);
        Assert.Contains("\t\"vip\": \"1\",\n", body, StringComparison.Ordinal);
        Assert.Contains("\t\"gender\": \"女\",\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_UserWithEmptyLargeQqAvatar_SendsEmptyStringAndEscapesQuotesInNickname()
    {
        using var h = new Harness();
        var body = await GetUserInfoAsync(h, user: 2);

        Assert.Contains("\t\"figureurl_qq_2\": \"\",\n", body, StringComparison.Ordinal);
        Assert.Contains("\t\"nickname\": \"企鹅🐧 \\\"Tester\\\"\",\n", body, StringComparison.Ordinal);
        Assert.Contains("\t\"year\": \"\",\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_AvatarBaseOption_IsUsedForAvatarUrls()
    {
        using var h = new Harness(new Client.Testing.QqConnectEmulatorOptions { AvatarBaseAddress = new Uri("http://127.0.0.1:5380/") });
        var body = await GetUserInfoAsync(h, user: 0);

        Assert.Contains("\"figureurl\": \"http:\\/\\/127.0.0.1:5380\\/qlogo\\/qzapp\\/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_MissingOauthConsumerKey_ReturnsRetMinus1()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();

        var body = await h.GetAsync("user/get_user_info?access_token=" + access + "&openid=" + h.Emulator.GetOpenId(Harness.App, 0));

        Assert.Equal("{\"ret\":-1,\"msg\":\"client request's parameters are invalid, invalid oauth_consumer_key\"}", body);
    }

    [Fact]
    public async Task UserInfo_OauthConsumerKeyOfAnotherApp_ReturnsRetMinus1()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();

        var body = await h.GetAsync("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000002&openid=" + h.Emulator.GetOpenId(Harness.App, 0));

        Assert.Equal("{\"ret\":-1,\"msg\":\"client request's parameters are invalid, invalid oauth_consumer_key\"}", body);
    }

    [Fact]
    public async Task UserInfo_OpenIdOfAnotherUser_ReturnsRetMinus22()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync(user: 0);

        var body = await h.GetAsync("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001&openid=" + h.Emulator.GetOpenId(Harness.App, 1));

        Assert.Equal("{\"ret\":-22,\"msg\":\"openid is invalid\"}", body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&openid=not-an-openid")]
    public async Task UserInfo_MissingOrMalformedOpenId_ReturnsRetMinus1InvalidOpenId(string openIdParameter)
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();

        var body = await h.GetAsync("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001" + openIdParameter);

        Assert.Equal("{\"ret\":-1,\"msg\":\"client request's parameters are invalid, invalid openid\"}", body);
    }

    [Theory]
    [InlineData("access_token=UNKNOWN&")]
    [InlineData("")]
    public async Task UserInfo_UnknownOrMissingToken_ReturnsRet1002PleaseLogIn(string tokenParameter)
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri(
            "user/get_user_info?" + tokenParameter + "oauth_consumer_key=100000001&openid=0123456789ABCDEF0123456789ABCDEF", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes("{\"ret\":1002,\"msg\":\"请先登录\"}"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UserInfo_ExpiredToken_ReturnsRet100014()
    {
        using var h = new Harness(fakeTime: true);
        var (access, _) = await h.LoginAsync();
        h.Time!.Advance(TimeSpan.FromDays(91));

        var body = await h.GetAsync("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001&openid=" + h.Emulator.GetOpenId(Harness.App, 0));

        Assert.Equal("{\"ret\":100014,\"msg\":\"access token expired\"}", body);
    }

    [Fact]
    public async Task Avatar_UrlFromUserInfo_ServesAnSvg()
    {
        using var h = new Harness();
        var openId = h.Emulator.GetOpenId(Harness.App, 0);

        using var response = await h.Http.GetAsync(new Uri("qlogo/qqapp/100000001/" + openId + "/100", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avatar_UnknownOpenId_Returns404()
    {
        using var h = new Harness();
        using var response = await h.Http.GetAsync(new Uri("qlogo/qqapp/100000001/0123456789ABCDEF0123456789ABCDEF/100", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    private static async Task<string> GetUserInfoAsync(Harness h, int user)
    {
        var (access, _) = await h.LoginAsync(user: user);
        return await h.GetAsync("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001&openid=" + h.Emulator.GetOpenId(Harness.App, user));
    }
}
