using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

public sealed class GetOpenIdTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Fact]
    public async Task GetOpenId_Default_SendsNoUnionIdParameter()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me")
            .WithExactQueryString($"access_token={TestApp.AccessToken}&fmt=json")
            .RespondWithFixture("me/json-success.txt");
        using var client = TestApp.Client(_network);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(TestApp.AppId, openId.ClientId);
        Assert.Equal(TestApp.OpenId, openId.OpenId);
        Assert.Null(openId.UnionId);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetOpenId_UnionIdRequested_SendsUnionId1AndReadsIt()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me")
            .WithExactQueryString($"access_token={TestApp.AccessToken}&unionid=1&fmt=json")
            .RespondWithFixture("me/jsonp-success-unionid.txt");
        using var client = TestApp.Client(_network, o => o.RequestUnionId = true);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal("UID_9F8E7D6C5B4A39281706F5E4D3C2B1A0", openId.UnionId);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetOpenId_JsonFormatOff_SendsOnlyTheToken()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me")
            .WithExactQueryString($"access_token={TestApp.AccessToken}")
            .RespondWithFixture("me/jsonp-success.txt");
        using var client = TestApp.Client(_network, o => o.UseJsonFormat = false);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal(TestApp.OpenId, openId.OpenId);
    }

    [Theory]
    [InlineData("me/jsonp-success.txt")]
    [InlineData("me/json-success.txt")]
    public async Task GetOpenId_JsonpOrJson_ReturnsTheSameIds(string fixture)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal((TestApp.AppId, TestApp.OpenId), (openId.ClientId, openId.OpenId));
    }

    [Theory]
    [InlineData("me/jsonp-error-100016.txt", 100016)]
    [InlineData("me/json-error-100013.txt", 100013)]
    [InlineData("me/jsonp-error-100048.txt", 100048)]
    [InlineData("me/jsonp-error-100007.txt", 100007)]
    [InlineData("me/jsonp-error-100016-trailing-comma.txt", 100016)] // as QQ's wiki prints it: a comma before '}'
    [InlineData("me/json-error-100016-trailing-comma.txt", 100016)]
    public async Task GetOpenId_Error_ThrowsApiExceptionWithCode(string fixture, int code)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(QqConnectOperation.GetOpenId, error.Operation);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public async Task GetOpenId_NoUnionIdPermission_AdvisesTurningRequestUnionIdOff()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/jsonp-error-100048.txt");
        using var client = TestApp.Client(_network, o => o.RequestUnionId = true);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqErrorAction.ApplyForPermission, error.ErrorInfo!.Action);
        Assert.Contains("RequestUnionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenId_JsonpWithoutSpacesInTheParentheses_IsRead()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/jsonp-success-no-spaces.txt");
        using var client = TestApp.Client(_network);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal((TestApp.AppId, TestApp.OpenId), (openId.ClientId, openId.OpenId));
    }

    [Fact]
    public async Task GetOpenId_TokenOfAnotherApp_ThrowsSecurityCheckOnce_WithoutRetrying()
    {
        // Token substitution: a token issued to another app must not log anyone in here. Strict network: one answer.
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/json-other-app.txt");
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.SecurityCheck, error.Kind);
        Assert.Equal(QqConnectOperation.GetOpenId, error.Operation);
        Assert.Contains("102999999", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.AccessToken, error.Message, StringComparison.Ordinal);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetOpenId_TokenOfAnAcceptedApp_IsReturned()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/json-other-app.txt");
        using var client = TestApp.Client(_network, o => o.AcceptedAppIds = ["102999999"]);

        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.Equal("102999999", openId.ClientId);
    }

    [Fact]
    public async Task VerifyAccessToken_TokenOfAnotherApp_ThrowsSecurityCheck()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/me").RespondWithFixture("me/json-other-app.txt");
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.VerifyAccessTokenAsync(TestApp.AccessToken, TestApp.OpenId));

        Assert.Equal(QqConnectErrorKind.SecurityCheck, error.Kind);
    }
}
