using System.Web;
using QqConnect.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace QqConnect.Client.Tests;

public sealed class ExchangeCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();
    private readonly FakeTimeProvider _time = new(Now);

    private const string ExpectedJsonQuery =
        $"grant_type=authorization_code&client_id={TestApp.AppId}&client_secret={TestApp.AppKey}&code={TestApp.Code}&redirect_uri={TestApp.EscapedRedirectUri}&fmt=json&need_openid=1";

    [Fact]
    public async Task ExchangeCode_Default_SendsTheExactTokenRequest()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").WithExactQueryString(ExpectedJsonQuery)
            .RespondWithFixture("token/json-success-string-expires.txt");
        using var client = TestApp.Client(_network, time: _time);

        await client.ExchangeCodeAsync(TestApp.Code);

        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ExchangeCode_JsonFormatOff_LeavesFmtOut()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token")
            .WithExactQueryString($"grant_type=authorization_code&client_id={TestApp.AppId}&client_secret={TestApp.AppKey}&code={TestApp.Code}&redirect_uri={TestApp.EscapedRedirectUri}&need_openid=1")
            .RespondWithFixture("token/form-success.txt");
        using var client = TestApp.Client(_network, o => o.UseJsonFormat = false, _time);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.AccessToken, token.AccessToken);
        _network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ExchangeCode_RedirectUri_IsTheSameStringAsInTheAuthorizeUrl()
    {
        string? tokenRedirect = null;
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token")
            .With(request => (tokenRedirect = HttpUtility.ParseQueryString(request.RequestUri!.Query)["redirect_uri"]) is not null)
            .RespondWithFixture("token/form-success.txt");
        using var client = TestApp.Client(_network, time: _time);

        var authorizeRedirect = HttpUtility.ParseQueryString(client.BuildAuthorizeUrl("s").Query)["redirect_uri"];
        await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.RedirectUri, authorizeRedirect);
        Assert.Equal(authorizeRedirect, tokenRedirect);
    }

    [Fact]
    public async Task ExchangeCode_ExplicitRedirectUri_IsSentInsteadOfTheConfiguredOne()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token")
            .WithQueryString("redirect_uri", "https://m.example.com/cb")
            .RespondWithFixture("token/form-success.txt");
        using var client = TestApp.Client(_network, time: _time);

        await client.ExchangeCodeAsync(TestApp.Code, "https://m.example.com/cb");

        _network.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData("token/form-success.txt", 7776000)]
    [InlineData("token/form-success-reordered.txt", 7776000)]
    [InlineData("token/form-success-bom-whitespace.txt", 7776000)]
    [InlineData("token/json-success-string-expires.txt", 5184000)]
    [InlineData("token/json-success-number-expires.txt", 5184000)]
    public async Task ExchangeCode_SuccessInAnyShape_ReturnsTheTokens(string fixture, int expiresIn)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, time: _time);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.AccessToken, token.AccessToken);
        Assert.Equal(TestApp.RefreshToken, token.RefreshToken);
        Assert.Equal(TimeSpan.FromSeconds(expiresIn), token.ExpiresIn);
        Assert.Equal(Now.AddSeconds(expiresIn), token.ExpiresAt);
    }

    [Fact]
    public async Task ExchangeCode_OldAnswerWithoutRefreshToken_HasNullRefreshToken()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/form-success-no-refresh-token.txt");
        using var client = TestApp.Client(_network, time: _time);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Null(token.RefreshToken);
        Assert.Equal(TestApp.AccessToken, token.AccessToken);
    }

    [Fact]
    public async Task ExchangeCode_ReusedCode_ThrowsWithCode100020()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture("token/json-error-100020.txt");
        using var client = TestApp.Client(_network, time: _time);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(100020, error.ErrorCode);
        Assert.Equal("code is reused error", error.ErrorDescription);
        Assert.Equal(QqConnectOperation.ExchangeCode, error.Operation);
        Assert.Equal(QqErrorAction.Relogin, error.ErrorInfo!.Action);
        Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Theory]
    [InlineData("token/jsonp-error-100019.txt", 100019, "code to access token error")]
    [InlineData("token/form-error-100010.txt", 100010, "redirect uri is illegal")]
    [InlineData("token/json-error-reordered-100010.txt", 100010, "redirect uri is illegal(100010)")]
    [InlineData("token/jsonp-error-100009-trailing-space.txt", 100009, "param client_secret is wrong or lost")]
    [InlineData("token/json-error-100021-string-code.txt", 100021, "get access token error")]
    public async Task ExchangeCode_ErrorInAnyShape_ThrowsApiExceptionWithCodeAndDescription(string fixture, int code, string description)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, time: _time);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(description, error.ErrorDescription);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(QqConnectErrorKind.ApiError, error.Kind);
    }

    [Fact]
    public async Task ExchangeCode_ErrorDescriptionEchoingTheCode_HasTheCodeMasked()
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token")
            .Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
                $"{{\"error\":100019,\"error_description\":\"bad code {TestApp.Code} for key {TestApp.AppKey}\"}}"))));
        using var client = TestApp.Client(_network, time: _time);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));

        TestApp.AssertNoSecrets(error.Message);
        TestApp.AssertNoSecrets(error.ErrorDescription);
        Assert.Contains("bad code *** for key ***", error.ErrorDescription, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData(true, "token/json-success-openid.txt")]
    [InlineData(false, "token/form-success-openid.txt")]
    public async Task ExchangeCode_AsksForTheOpenIdOnTheWire(bool json, string fixture)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").WithQueryString("need_openid", "1")
            .RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, o => o.UseJsonFormat = json, _time);

        await client.ExchangeCodeAsync(TestApp.Code);

        _network.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData("token/form-success-openid.txt")]
    [InlineData("token/json-success-openid.txt")]
    [InlineData("token/json-success-openid-first.txt")]
    public async Task ExchangeCode_AnswerWithOpenId_ExposesIt(string fixture)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, time: _time);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.OpenId, token.OpenId);
        Assert.Equal(TestApp.AccessToken, token.AccessToken);
        Assert.Equal(TestApp.RefreshToken, token.RefreshToken);
        Assert.Equal(TimeSpan.FromSeconds(5184000), token.ExpiresIn);
    }

    [Theory]
    [InlineData("token/form-success.txt")]
    [InlineData("token/json-success-string-expires.txt")]
    [InlineData("token/form-success-no-refresh-token.txt")]
    public async Task ExchangeCode_AnswerWithoutOpenId_HasNullOpenId(string fixture)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, time: _time);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Null(token.OpenId);
        Assert.Equal(TestApp.AccessToken, token.AccessToken);
    }

    [Theory]
    [InlineData("token/json-openid-control-character.txt")]
    [InlineData("token/form-openid-crlf.txt")]
    [InlineData("token/json-openid-overlong.txt")]
    public async Task ExchangeCode_MalformedOpenId_ThrowsInvalidResponse(string fixture)
    {
        _network.Expect(HttpMethod.Get, $"{TestApp.Graph}/oauth2.0/token").RespondWithFixture(fixture);
        using var client = TestApp.Client(_network, time: _time);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(QqConnectOperation.ExchangeCode, error.Operation);
        Assert.Contains("openid", error.Message, StringComparison.Ordinal);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public void AccessToken_ToString_ShowsWhetherAnOpenIdCameButNotTheTokens()
    {
        var token = new QqAccessToken(TestApp.AccessToken, TestApp.RefreshToken, TimeSpan.FromDays(60), Now.AddDays(60)) { OpenId = TestApp.OpenId };

        TestApp.AssertNoSecrets(token.ToString());
        Assert.Equal(TestApp.OpenId, token.OpenId);
    }
}
