using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

/// <summary>Bad arguments fail before any request: the strict network fails the test on any request.</summary>
public sealed class ArgumentValidationTests
{
    private readonly QqConnectClient _client = TestApp.Client(TestApp.StrictNetwork());

    public static TheoryData<string?> Blank => new() { null, string.Empty, " ", "\t\r\n", "abc\u0000def", "abc\ndef", new string('A', 5000) };

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task ExchangeCode_BadCode_ThrowsArgumentExceptionBeforeSending(string? code)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.ExchangeCodeAsync(code!));
        Assert.Equal("code", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task Refresh_BadRefreshToken_ThrowsArgumentExceptionBeforeSending(string? refreshToken)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.RefreshAsync(refreshToken!));
        Assert.Equal("refreshToken", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task GetOpenId_BadAccessToken_ThrowsArgumentExceptionBeforeSending(string? accessToken)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.GetOpenIdAsync(accessToken!));
        Assert.Equal("accessToken", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task GetUserInfo_BadOpenId_ThrowsArgumentExceptionBeforeSending(string? openId)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.GetUserInfoAsync(TestApp.AccessToken, openId!));
        Assert.Equal("openId", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task GetUserInfo_BadAccessToken_ThrowsArgumentExceptionBeforeSending(string? accessToken)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.GetUserInfoAsync(accessToken!, TestApp.OpenId));
        Assert.Equal("accessToken", error.ParamName);
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("ftp://example.com/cb")]
    [InlineData("")]
    public async Task ExchangeCode_BadExplicitRedirectUri_ThrowsArgumentExceptionBeforeSending(string redirectUri)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.ExchangeCodeAsync(TestApp.Code, redirectUri));
        Assert.Equal("redirectUri", error.ParamName);
    }

    [Fact]
    public async Task ExchangeCode_SecretLikeArgument_IsNotEchoedInTheMessage()
    {
        var secret = TestApp.Code + "\n";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExchangeCodeAsync(secret));

        TestApp.AssertNoSecrets(error.Message);
    }
}
