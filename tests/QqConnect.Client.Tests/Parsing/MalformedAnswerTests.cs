using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Parsing;

public sealed class MalformedAnswerTests
{
    public static TheoryData<string> Hostile => Fixture.In("hostile");

    public static TheoryData<QqConnectOperation, string> EveryCallEveryHostileBody()
    {
        var data = new TheoryData<QqConnectOperation, string>();
        foreach (var operation in new[] { QqConnectOperation.ExchangeCode, QqConnectOperation.Refresh, QqConnectOperation.GetOpenId, QqConnectOperation.GetUserInfo })
        {
            foreach (var fixture in Hostile)
            {
                data.Add(operation, fixture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCallEveryHostileBody))]
    public async Task AnyCall_HostileBody_ThrowsInvalidResponseNamingTheCall(QqConnectOperation operation, string fixture)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").RespondWithFixture(fixture);
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => Call(client, operation));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(operation, error.Operation);
        Assert.Contains(operation.ToString(), error.Message, StringComparison.Ordinal);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Theory]
    [InlineData("hostile/html-502.html", "an HTML page")]
    [InlineData("hostile/empty.txt", "an empty body")]
    [InlineData("hostile/whitespace.txt", "an empty body")]
    [InlineData("hostile/truncated-jsonp.txt", "a truncated JSONP answer")]
    [InlineData("hostile/null.txt", "JSON null")]
    [InlineData("hostile/array.txt", "a JSON array")]
    [InlineData("hostile/truncated-json.txt", "not well-formed JSON")]
    public async Task GetOpenId_HostileBody_SaysWhatKindOfBodyArrived(string fixture, string description)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").RespondWithFixture(fixture);
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Contains(description, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"access_token\":\"A1\"}", "no expires_in")]
    [InlineData("{\"expires_in\":\"7776000\"}", "no access_token")]
    [InlineData("{\"access_token\":\"A1\",\"expires_in\":\"soon\"}", "expires_in is not a number")]
    [InlineData("{\"access_token\":\"A1\",\"expires_in\":\"-5\"}", "expires_in is out of range")]
    [InlineData("{\"access_token\":\"A1\",\"expires_in\":99999999999999999999}", "expires_in is not a number")]
    public async Task ExchangeCode_TokenAnswerMissingOrBadField_SaysWhichField(string body, string reason)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(body))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    internal static Task Call(IQqConnectClient client, QqConnectOperation operation) => operation switch
    {
        QqConnectOperation.ExchangeCode => client.ExchangeCodeAsync(TestApp.Code),
        QqConnectOperation.Refresh => client.RefreshAsync(TestApp.RefreshToken),
        QqConnectOperation.GetOpenId => client.GetOpenIdAsync(TestApp.AccessToken),
        QqConnectOperation.GetUserInfo => client.GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
