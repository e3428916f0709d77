using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Internal;

/// <summary>Text from the network that ends up in exception messages: no log forging, no huge echoes, no secrets in any encoding.</summary>
public sealed class EchoedTextTests
{
    [Fact]
    public async Task ApiError_DescriptionWithLineBreaks_CannotForgeALogLine()
    {
        var error = await ApiErrorAsync("{\"error\":100019,\"error_description\":\"bad code\\r\\n2025-01-01 00:00:00 info: Admin login OK\"}");

        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.ErrorDescription!);
        Assert.DoesNotContain('\n', error.ErrorDescription!);
        Assert.Contains("bad code", error.Message, StringComparison.Ordinal);
        Assert.Equal(100019, error.ErrorCode);
    }

    // Found by ParserRobustnessFuzzTests (CsCheck seed 6l3J6o6OUUr2): "%14" decodes to U+0014, which is echoed as
    // the six characters "\u0014"; their "14" and the digits after them spelled the call's code again, so masking
    // before escaping was not enough.
    [Fact]
    public async Task ApiError_EscapedControlCharacterFollowedByTheRestOfTheCode_DoesNotSpellTheCodeAgain()
    {
        const string code = "142dbade2acf0f14bdf69f3a8f525203";
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "code=100010&msg=redirect%" + code + "20uri%20is%20illegal"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code));

        Assert.Equal(100010, error.ErrorCode);
        Assert.DoesNotContain(code, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code, error.ErrorDescription!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u0014', error.ErrorDescription!);
    }

    [Fact]
    public async Task ApiError_HugeDescription_IsCappedInTheMessage()
    {
        var error = await ApiErrorAsync("{\"error\":100019,\"error_description\":\"" + new string('x', 20_000) + "\"}");

        Assert.True(error.Message.Length < 1_000, $"message is {error.Message.Length} characters");
        Assert.True(error.ErrorDescription!.Length < 1_000, $"description is {error.ErrorDescription.Length} characters");
    }

    [Fact]
    public async Task SecurityCheck_HugeClientId_IsCappedInTheMessage()
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"client_id\":\"" + new string('9', 20_000) + "\",\"openid\":\"" + TestApp.OpenId + "\"}"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.True(error.Message.Length < 1_000, $"message is {error.Message.Length} characters");
    }

    [Fact]
    public async Task SecurityCheck_ClientIdWithLineBreak_CannotForgeALogLine()
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"client_id\":\"1\\r\\nfake: line\",\"openid\":\"" + TestApp.OpenId + "\"}"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("Ab+Cd/Ef=Gh+Ij/Kl==", "Ab%2BCd%2FEf%3DGh%2BIj%2FKl%3D%3D")]
    [InlineData("Ab+Cd/Ef=Gh+Ij/Kl==", "ab%2bcd%2fef%3dgh%2bij%2fkl%3d%3d")]
    [InlineData("Ab*Cd(Ef)!x&y", "Ab%2ACd%28Ef%29%21x%26y")]
    [InlineData("Ab*Cd(Ef)!x&y", "Ab*Cd(Ef)!x%26y")]
    public async Task ApiError_EchoingTheUrlEncodedAppKey_MasksIt(string appKey, string echoed)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"error\":100009,\"error_description\":\"bad request GET /oauth2.0/token?client_secret=" + echoed + "&code=x\"}"))));
        using var client = TestApp.Client(network, o => o.AppKey = appKey);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.DoesNotContain(echoed, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(echoed, error.ErrorDescription!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("client_secret=***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiError_EchoingTheUrlEncodedCode_MasksIt()
    {
        const string code = "co/de+with=chars";
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"error\":100019,\"error_description\":\"code=co%2Fde%2Bwith%3Dchars is bad\"}"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code));

        Assert.DoesNotContain("co%2Fde%2Bwith%3Dchars", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<QqConnectApiException> ApiErrorAsync(string body)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(body))));
        using var client = TestApp.Client(network);
        return await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));
    }
}
