using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

public sealed class RefreshTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Fact]
    public async Task Refresh_Default_SendsTheExactRefreshRequest()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token")
            .WithExactQueryString($"grant_type=refresh_token&client_id={TestApp.AppId}&client_secret={TestApp.AppKey}&refresh_token={TestApp.RefreshToken}&fmt=json")
            .RespondWithFixture("token/json-success-string-expires.txt");
        using var client = TestApp.Client(_network);

        var token = await client.RefreshAsync(TestApp.RefreshToken);

        Assert.Equal(TestApp.AccessToken, token.AccessToken);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Refresh_UsedRefreshToken_ThrowsWithCode100021()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/json-error-100021-string-code.txt");
        using var client = TestApp.Client(_network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.RefreshAsync(TestApp.RefreshToken));

        Assert.Equal(100021, error.ErrorCode);
        Assert.Equal(QqConnectOperation.Refresh, error.Operation);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public async Task Refresh_FormAnswer_IsReadToo()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/form-success.txt");
        using var client = TestApp.Client(_network);

        var token = await client.RefreshAsync(TestApp.RefreshToken);

        Assert.Equal(TestApp.RefreshToken, token.RefreshToken);
        Assert.Equal(TimeSpan.FromDays(90), token.ExpiresIn);
    }
    [Fact]
    public async Task Refresh_AnswerWithOpenId_ExposesIt()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/json-success-openid.txt");
        using var client = TestApp.Client(_network);

        var token = await client.RefreshAsync(TestApp.RefreshToken);

        Assert.Equal(TestApp.OpenId, token.OpenId);
    }
}
