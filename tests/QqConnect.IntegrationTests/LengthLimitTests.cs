using QqConnect.Client.Testing;

namespace QqConnect.IntegrationTests;

/// <summary>
/// The SDK's 500-byte limits against the emulator, which refuses (like QQ) a longer state or redirect_uri with
/// 100010: whatever the SDK sends, the emulator accepts; what it would refuse, the SDK refuses first.
/// </summary>
public sealed class LengthLimitTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData("/")]
    [InlineData("/orders/42")]
    [InlineData("/订单/42?tab=详情")]
    public async Task Login_StateFromTheProtectorWithAnyReturnUrl_IsAcceptedByTheEmulator(string returnUrlStem)
    {
        var emulator = new QqConnectEmulator();
        using var http = new HttpClient(emulator.CreateHandler());
        using var client = new QqConnectClient(http, LoginFlow.Options(new Uri("https://graph.qq.com/")));
        var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = Key });

        foreach (var length in new[] { 0, 100, 285, 286, 300, 600, 3000 })
        {
            var login = protector.Create(returnUrlStem + new string('x', length));
            var callback = QqCallback.Parse(emulator.Authorize(client.BuildAuthorizeUrl(login.State)));

            Assert.True(callback.IsSuccess, $"return URL stem + {length}: {callback}");
            Assert.True(protector.Validate(callback.State, login.BrowserBinding).IsValid);
            await client.ExchangeCodeAsync(callback.Code!);
        }
    }

    [Fact]
    public void BuildAuthorizeUrl_LongestStateTheSdkSends_IsAcceptedByTheEmulator_AndOneMoreByteIsRefusedByBoth()
    {
        var emulator = new QqConnectEmulator();
        using var http = new HttpClient(emulator.CreateHandler());
        using var client = new QqConnectClient(http, LoginFlow.Options(new Uri("https://graph.qq.com/")));
        var longest = new string('/', 500 / 3) + "ab";

        var callback = emulator.Authorize(client.BuildAuthorizeUrl(longest));

        Assert.Equal(longest, QqCallback.Parse(callback).State);
        Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(longest + "c"));
        var refused = Assert.Throws<QqConnectEmulatorException>(() => emulator.Authorize(new Uri(
            "https://graph.qq.com/oauth2.0/authorize?response_type=code&client_id=" + QqConnectEmulatorOptions.DefaultAppId
            + "&redirect_uri=" + Uri.EscapeDataString(LoginFlow.RedirectUri) + "&state=" + Uri.EscapeDataString(longest + "c"))));
        Assert.Equal(100010, refused.ErrorCode);
    }
}
