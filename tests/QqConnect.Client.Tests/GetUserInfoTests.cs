using System.Text.Json;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

public sealed class GetUserInfoTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Fact]
    public async Task GetUserInfo_Default_SendsTokenConsumerKeyAndOpenId()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info")
            .WithExactQueryString($"access_token={TestApp.AccessToken}&oauth_consumer_key={TestApp.AppId}&openid={TestApp.OpenId}")
            .RespondWithFixture("userinfo/full-pretty.json");
        using var client = TestApp.Client(_network);

        await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetUserInfo_FullPrettyPrintedAnswer_MapsEveryField()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture("userinfo/full-pretty.json");
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal("小明", user.Nickname);
        Assert.Equal("男", user.Gender);
        Assert.Equal(1, user.GenderType);
        Assert.Equal("广东", user.Province);
        Assert.Equal("深圳", user.City);
        Assert.Equal(1990, user.Year);
        Assert.Equal(string.Empty, user.Constellation);
        Assert.Equal($"http://qzapp.qlogo.cn/qzapp/101000001/{TestApp.OpenId}/30", user.FigureUrl);
        Assert.Equal($"http://qzapp.qlogo.cn/qzapp/101000001/{TestApp.OpenId}/50", user.FigureUrl1);
        Assert.Equal($"http://qzapp.qlogo.cn/qzapp/101000001/{TestApp.OpenId}/100", user.FigureUrl2);
        Assert.Equal("http://thirdqq.qlogo.cn/g?b=oidb&k=abc&s=40&t=1557000000", user.FigureUrlQq1);
        Assert.Equal("http://thirdqq.qlogo.cn/g?b=oidb&k=abc&s=100&t=1557000000", user.FigureUrlQq2);
        Assert.Equal("http://thirdqq.qlogo.cn/g?b=oidb&k=abc&s=640&t=1557000000", user.FigureUrlQq);
        Assert.Equal(user.FigureUrlQq, user.AvatarUrl);
        Assert.Equal(1, user.FigureUrlType);
        Assert.False(user.IsLost);
        Assert.True(user.IsVip);
        Assert.Equal(7, user.Level);
        Assert.True(user.IsYellowVip);
        Assert.Equal(7, user.YellowVipLevel);
        Assert.False(user.IsYellowYearVip);
        Assert.Empty(user.AdditionalFields);
    }

    [Fact]
    public async Task GetUserInfo_OldMinimalAnswer_FallsBackToTheSmallQqAvatar()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture("userinfo/old-minimal.json");
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal("qzuser", user.Nickname);
        Assert.Null(user.GenderType);
        Assert.Null(user.FigureUrlQq);
        Assert.Equal(string.Empty, user.FigureUrlQq2);
        Assert.Equal($"http://q.qlogo.cn/qqapp/101000001/{TestApp.OpenId}/40", user.AvatarUrl);
        Assert.Equal(0, user.Year);
        Assert.False(user.IsVip);
    }

    [Fact]
    public async Task GetUserInfo_UnknownFields_AreKeptAsJson()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture("userinfo/with-unknown-fields.json");
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.True(user.IsLost);
        Assert.Null(user.Year);
        Assert.Equal("http://thirdqq.qlogo.cn/g?s=100", user.AvatarUrl);
        Assert.Equal(["extra", "new_field", "score", "tags"], user.AdditionalFields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("hello", user.AdditionalFields["new_field"].GetString());
        Assert.Equal(42, user.AdditionalFields["score"].GetInt32());
        Assert.Equal(JsonValueKind.Array, user.AdditionalFields["tags"].ValueKind);
        Assert.Equal(1, user.AdditionalFields["extra"].GetProperty("x").GetInt32());
    }

    [Theory]
    [InlineData("userinfo/error-1002.json", 1002, "请先登录")]
    [InlineData("userinfo/error-minus1.json", -1, "client request's parameters are invalid, invalid openid")]
    [InlineData("userinfo/error-100030.json", 100030, "this api without user authorization")]
    [InlineData("userinfo/error-minus22.json", -22, "openid is invalid")]
    [InlineData("userinfo/error-minus23-ret-last.json", -23, "token is invalid")]
    public async Task GetUserInfo_NonZeroRet_ThrowsApiExceptionWithRetAndMsg(string fixture, int code, string message)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ErrorDescription);
        Assert.Equal(QqConnectOperation.GetUserInfo, error.Operation);
    }

    [Fact]
    public async Task GetUserInfo_TrailingCommasAlsoInsideUnknownFields_AreRead()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture("userinfo/unknown-fields-trailing-commas.json");
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal("qzuser", user.Nickname);
        Assert.Equal(1, user.AdditionalFields["extra"].GetProperty("x").GetInt32());
        Assert.Equal("a", user.AdditionalFields["tags"][0].GetString());
    }

    [Fact]
    public async Task GetUserInfo_RetAsTheLastKey_IsReadAsSuccess()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info").RespondWithFixture("userinfo/success-ret-last.json");
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal("qzuser", user.Nickname);
        Assert.Equal("http://q.qlogo.cn/qqapp/101000001/4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B/40", user.FigureUrlQq1);
    }

    [Fact]
    public async Task GetUserInfo_TokenAnswerShapeForm_IsReadToo()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info")
            .Respond(() => Task.FromResult(TestApp.Answer("ret=0&msg=&nickname=%E5%B0%8F%E7%BA%A2&gender=%E5%A5%B3&vip=1&year=2001"u8.ToArray())));
        using var client = TestApp.Client(_network);

        var user = await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal(("小红", "女", true, 2001), (user.Nickname, user.Gender, user.IsVip, user.Year));
    }
}
