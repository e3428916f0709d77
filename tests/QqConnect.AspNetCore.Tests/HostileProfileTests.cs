using System.Net;
using System.Security.Claims;
using System.Text.Json;
using QqConnect.AspNetCore.Internal;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>
/// A get_user_info answer can carry anything: it never changes who signs in, never puts a non-web URL in a claim, and
/// never makes the sign-in cookie outgrow what browsers and servers accept.
/// </summary>
public sealed class HostileProfileTests
{
    private const string Victim = "0123456789ABCDEF0123456789ABCDEF";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_ProfileCarryingIdentityFields_SignsInAsTheUserMeNames(bool unionId)
    {
        await using var site = await TestSite.StartAsync(options =>
        {
            if (unionId)
            {
                options.AppId = QqConnectEmulatorOptions.UnionIdAppId;
                options.AppKey = QqConnectEmulatorOptions.UnionIdAppKey;
                options.RequestUnionId = true;
            }
        });
        var app = unionId ? QqConnectEmulatorOptions.UnionIdAppId : QqConnectEmulatorOptions.DefaultAppId;
        site.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/user/get_user_info",
            Kind = EmulatorFaultKind.CustomBody,
            Body = "{\"ret\":0,\"msg\":\"\",\"nickname\":\"Mallory\",\"figureurl_qq_1\":\"http://thirdqq.qlogo.cn/g?s=40\","
                + $"\"openid\":\"{Victim}\",\"OpenID\":\"{Victim}\",\"unionid\":\"UID_{Victim}\",\"client_id\":\"101000009\","
                + "\"avatar_url\":\"javascript:alert(1)\",\"nickname_extra\":\"kept\"}",
        });
        using var browser = site.NewBrowser();

        await LoginSteps.LoginAsync(browser, site.Emulator);
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Empty(site.Failures);
        Assert.Equal(site.Emulator.GetOpenId(app, 0), Assert.Single(claims[ClaimTypes.NameIdentifier]));
        if (unionId)
        {
            Assert.Equal(site.Emulator.GetUnionId(app, 0), Assert.Single(claims[QqConnectClaimTypes.UnionId]));
        }
        else
        {
            Assert.Empty(claims[QqConnectClaimTypes.UnionId]);
        }

        Assert.Equal("Mallory", Assert.Single(claims[ClaimTypes.Name]));
        Assert.Equal("http://thirdqq.qlogo.cn/g?s=40", Assert.Single(claims[QqConnectClaimTypes.AvatarUrl]));
    }

    [Fact]
    public void UserData_AdditionalFieldsNamedLikeAWrittenOrIdentityField_AreNotWritten()
    {
        var fields = new Dictionary<string, JsonElement>
        {
            ["openid"] = Element("\"" + Victim + "\""),
            ["UNIONID"] = Element("\"UID_" + Victim + "\""),
            ["unionid"] = Element("\"UID_" + Victim + "\""),
            ["client_id"] = Element("\"101000009\""),
            ["nickname"] = Element("\"Mallory\""),
            ["Avatar_Url"] = Element("\"javascript:alert(1)\""),
            ["avatar_url"] = Element("\"javascript:alert(1)\""),
            ["score"] = Element("42"),
        };
        var user = new QqUserInfo("小明") { FigureUrlQq1 = "http://thirdqq.qlogo.cn/g?s=40", AdditionalFields = fields };

        var data = UserDataJson.Create(new QqOpenId(QqConnectEmulatorOptions.DefaultAppId, "4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B", null), user);

        var names = data.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B", data.GetProperty("openid").GetString());
        Assert.Equal(QqConnectEmulatorOptions.DefaultAppId, data.GetProperty("client_id").GetString());
        Assert.False(data.TryGetProperty("unionid", out _));
        Assert.Equal("小明", data.GetProperty("nickname").GetString());
        Assert.Equal("http://thirdqq.qlogo.cn/g?s=40", data.GetProperty("avatar_url").GetString());
        Assert.Equal(42, data.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Login_40000CharacterNickname_EndsWithASmallCookieAndA512CharacterName()
    {
        var options = new QqConnectEmulatorOptions();
        options.Users.Insert(0, new EmulatorUser("huge", new string('n', 40_000)) { Province = new string('p', 5000) });
        var emulator = new QqConnectEmulator(options);
        await using var site = await TestSite.StartAsync(emulator: emulator);
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator);
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        var claims = await LoginSteps.ClaimsAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(setCookies.Sum(cookie => cookie.Length) < 8 * 1024, $"Set-Cookie total {setCookies.Sum(cookie => cookie.Length)} bytes");
        Assert.Equal(new string('n', QqUserInfo.MaxFieldLength), Assert.Single(claims[ClaimTypes.Name]));
        Assert.Equal(QqUserInfo.MaxFieldLength, Assert.Single(claims[QqConnectClaimTypes.Province]).Length);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
