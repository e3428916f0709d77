using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity.Tests;

public sealed class QqLoginTests
{
    [Fact]
    public void FromExternalLogin_ReadsTheOpenIdFromTheProviderKey_AndTheProfileFromTheClaims()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "OPENID-1"),
            new Claim(ClaimTypes.Name, "小明"),
            new Claim(QqConnectClaimTypes.UnionId, "UNION-1"),
            new Claim(QqConnectClaimTypes.AvatarUrl, "https://thirdqq.qlogo.cn/1"),
        ], "QQ"));

        var qq = QqLogin.FromExternalLogin(new ExternalLoginInfo(principal, "QQ.Mobile", "OPENID-1", "QQ"));

        Assert.Equal(new QqLogin("QQ.Mobile", "OPENID-1", "UNION-1", "小明", "https://thirdqq.qlogo.cn/1"), qq);
    }

    [Fact]
    public void FromExternalLogin_WithoutUnionIdOrNickname_HasNoUnionId_AndAnEmptyNickname()
    {
        var qq = QqLogin.FromExternalLogin(new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity()), "QQ", "OPENID-1", "QQ"));

        Assert.Null(qq.UnionId);
        Assert.Equal("", qq.Nickname);
        Assert.Null(qq.AvatarUrl);
    }

    [Theory]
    [InlineData("\u202e小明\u202c", "小明")]
    [InlineData("小\u200b明\u2066x\u2069", "小明x")]
    [InlineData("a\tb\nc\u0000", "abc")]
    [InlineData("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧")]
    [InlineData("企鹅🐧", "企鹅🐧")]
    public void FromExternalLogin_HostileNickname_LosesItsControlAndFormatCharacters(string nickname, string shown)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, nickname)], "QQ"));

        Assert.Equal(shown, QqLogin.FromExternalLogin(new ExternalLoginInfo(principal, "QQ", "OPENID-1", "QQ")).Nickname);
    }

    [Fact]
    public void FromExternalLogin_WithoutOpenId_IsRefused() =>
        Assert.Throws<ArgumentException>(() => QqLogin.FromExternalLogin(new ExternalLoginInfo(new ClaimsPrincipal(), "QQ", "", "QQ")));
}
