using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>
/// Values QQ sends back are used in the next call. One that the next call would refuse as an argument
/// (control characters, blank, absurdly long) is an invalid answer of the call that received it.
/// </summary>
public sealed class UnusableValueTests
{
    public static TheoryData<string> UnusableJsonValues => new()
    {
        "A\\u0000B",
        "A\\r\\nB",
        "   ",
        new string('A', 5000),
    };

    [Theory]
    [MemberData(nameof(UnusableJsonValues))]
    public async Task ExchangeCode_UnusableAccessToken_ThrowsInvalidResponse(string value)
    {
        var error = await AnswerAsync(
            "{\"access_token\":\"" + value + "\",\"expires_in\":\"7776000\",\"refresh_token\":\"" + TestApp.RefreshToken + "\"}",
            client => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(QqConnectOperation.ExchangeCode, error.Operation);
        Assert.Contains("access_token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnusableJsonValues))]
    public async Task Refresh_UnusableRefreshToken_ThrowsInvalidResponse(string value)
    {
        var error = await AnswerAsync(
            "{\"access_token\":\"" + TestApp.AccessToken + "\",\"expires_in\":\"7776000\",\"refresh_token\":\"" + value + "\"}",
            client => client.RefreshAsync(TestApp.RefreshToken));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("refresh_token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnusableJsonValues))]
    public async Task GetOpenId_UnusableOpenId_ThrowsInvalidResponse(string value)
    {
        var error = await AnswerAsync(
            "callback( {\"client_id\":\"" + TestApp.AppId + "\",\"openid\":\"" + value + "\"} );",
            client => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(QqConnectOperation.GetOpenId, error.Operation);
        Assert.Contains("openid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnusableJsonValues))]
    public async Task GetOpenId_UnusableUnionId_ThrowsInvalidResponse(string value)
    {
        var error = await AnswerAsync(
            "{\"client_id\":\"" + TestApp.AppId + "\",\"openid\":\"" + TestApp.OpenId + "\",\"unionid\":\"" + value + "\"}",
            client => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("unionid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_FormAnswerWithEncodedNul_ThrowsInvalidResponse()
    {
        var error = await AnswerAsync(
            "access_token=A%00B&expires_in=7776000&refresh_token=" + TestApp.RefreshToken,
            client => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task ExchangeCode_UsableValues_StillParse()
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"access_token\":\"" + TestApp.AccessToken + "\",\"expires_in\":\"7776000\",\"refresh_token\":\"" + TestApp.RefreshToken + "\"}"))));
        using var client = TestApp.Client(network);

        var token = await client.ExchangeCodeAsync(TestApp.Code);

        Assert.Equal(TestApp.AccessToken, token.AccessToken);
    }

    private static async Task<QqConnectException> AnswerAsync(string body, Func<QqConnectClient, Task> call)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(body))));
        using var client = TestApp.Client(network);
        return await Assert.ThrowsAsync<QqConnectException>(() => call(client));
    }
}
