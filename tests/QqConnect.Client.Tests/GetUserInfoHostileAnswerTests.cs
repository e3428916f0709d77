using System.Text;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

/// <summary>
/// A get_user_info answer is the profile only: it never names who the user is, its URLs are web URLs, and its sizes
/// are bounded, whatever the answer holds.
/// </summary>
public sealed class GetUserInfoHostileAnswerTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Fact]
    public async Task GetUserInfo_FieldsNamingAnIdentityOrAnApp_AreNotKeptInAdditionalFields()
    {
        var user = await GetAsync("userinfo/hostile-identity-fields.json");

        Assert.Equal(["new_field"], user.AdditionalFields.Keys);
        Assert.Equal("kept", user.AdditionalFields["new_field"].GetString());
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("OPENID")]
    [InlineData("unionid")]
    [InlineData("client_id")]
    [InlineData("appid")]
    [InlineData("oauth_consumer_key")]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    public void IsIdentityFieldName_NamesOfIdentitiesAppsAndSecrets_AreReserved(string name) =>
        Assert.True(QqUserInfo.IsIdentityFieldName(name));

    [Theory]
    [InlineData("nickname")]
    [InlineData("new_field")]
    [InlineData("opened")]
    public void IsIdentityFieldName_OtherNames_AreNot(string name) =>
        Assert.False(QqUserInfo.IsIdentityFieldName(name));

    [Fact]
    public async Task GetUserInfo_UrlFieldsThatAreNotHttpOrHttpsUrls_AreNull()
    {
        var user = await GetAsync("userinfo/hostile-urls.json");

        Assert.Null(user.FigureUrl);
        Assert.Null(user.FigureUrl1);
        Assert.Null(user.FigureUrl2);
        Assert.Null(user.FigureUrlQq1);
        Assert.Null(user.FigureUrlQq2);
        Assert.Null(user.FigureUrlQq);
        Assert.Null(user.AvatarUrl);
    }

    [Fact]
    public async Task GetUserInfo_HostileLargerAvatars_AvatarUrlIsTheWebUrlThatRemains()
    {
        var user = await GetAsync("userinfo/hostile-largest-avatar.json");

        Assert.Equal("https://thirdqq.qlogo.cn/g?s=40", user.AvatarUrl);
    }

    [Fact]
    public async Task GetUserInfo_AvatarUrl_PrefersThe640PixelQqAvatar()
    {
        var user = await GetAsync("userinfo/full-pretty.json");

        Assert.Equal("http://thirdqq.qlogo.cn/g?b=oidb&k=abc&s=640&t=1557000000", user.AvatarUrl);
    }

    [Fact]
    public async Task GetUserInfo_OverlongTextFields_AreCutToTheBound()
    {
        var user = await GetAsync(Body(
            ("nickname", new string('n', 40_000)),
            ("gender", new string('男', 600)),
            ("province", new string('p', 513)),
            ("city", new string('c', 10_000)),
            ("constellation", new string('x', 512))));

        Assert.Equal(512, QqUserInfo.MaxFieldLength);
        Assert.Equal(new string('n', 512), user.Nickname);
        Assert.Equal(512, user.Gender!.Length);
        Assert.Equal(512, user.Province!.Length);
        Assert.Equal(512, user.City!.Length);
        Assert.Equal(new string('x', 512), user.Constellation);
    }

    [Fact]
    public async Task GetUserInfo_CutText_NeverSplitsASurrogatePair()
    {
        var user = await GetAsync(Body(("nickname", new string('a', 511) + "😀" + "tail")));

        Assert.Equal(new string('a', 511), user.Nickname);
    }

    [Fact]
    public async Task GetUserInfo_OverlongUrl_IsNull()
    {
        var user = await GetAsync(Body(
            ("nickname", "Mallory"),
            ("figureurl_qq", "http://thirdqq.qlogo.cn/g?s=640&k=" + new string('a', 500)),
            ("figureurl_qq_2", "http://thirdqq.qlogo.cn/g?s=100")));

        Assert.Null(user.FigureUrlQq);
        Assert.Equal("http://thirdqq.qlogo.cn/g?s=100", user.AvatarUrl);
    }

    [Fact]
    public async Task GetUserInfo_ManyUnknownFields_KeepsTheFirst64()
    {
        var fields = new List<(string, string)> { ("nickname", "Mallory") };
        fields.AddRange(Enumerable.Range(0, 1000).Select(i => ($"x_{i:D4}", "v")));

        var user = await GetAsync(Body([.. fields]));

        Assert.Equal(64, QqUserInfo.MaxAdditionalFields);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"x_{i:D4}"), user.AdditionalFields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetUserInfo_UnknownFieldOverTheBound_IsDropped()
    {
        var user = await GetAsync(Body(("nickname", "Mallory"), ("long", new string('a', 513)), ("fits", new string('b', 512))));

        Assert.Equal(["fits"], user.AdditionalFields.Keys);
    }

    [Fact]
    public async Task GetUserInfo_UnknownArrayOverTheBound_IsDropped()
    {
        var body = "{\"ret\":0,\"nickname\":\"Mallory\",\"tags\":[" + string.Join(",", Enumerable.Repeat("\"tag\"", 1000)) + "],\"small\":[1,2]}";

        var user = await GetAsync(body);

        Assert.Equal(["small"], user.AdditionalFields.Keys);
    }

    private async Task<QqUserInfo> GetAsync(string fixtureOrBody)
    {
        var request = _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/user/get_user_info");
        if (fixtureOrBody.StartsWith('{'))
        {
            request.Respond(() => Task.FromResult(TestApp.Answer(Encoding.UTF8.GetBytes(fixtureOrBody))));
        }
        else
        {
            request.RespondWithFixture(fixtureOrBody);
        }

        using var client = TestApp.Client(_network);
        return await client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);
    }

    private static string Body(params (string Name, string Value)[] fields) =>
        "{\"ret\":0,\"msg\":\"\"," + string.Join(",", fields.Select(field => System.Text.Json.JsonSerializer.Serialize(field.Name) + ":" + System.Text.Json.JsonSerializer.Serialize(field.Value))) + "}";
}
