using QqConnect.Client.Configuration;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Constructor_ValidOptions_Succeeds()
    {
        using var client = new QqConnectClient(TestApp.Options());

        Assert.NotNull(client);
    }

    [Theory]
    [InlineData(nameof(QqConnectOptions.AppId))]
    [InlineData(nameof(QqConnectOptions.AppKey))]
    [InlineData(nameof(QqConnectOptions.RedirectUri))]
    public void Constructor_MissingRequiredSetting_ThrowsNamingIt(string property)
    {
        var options = TestApp.Options(o =>
        {
            switch (property)
            {
                case nameof(QqConnectOptions.AppId): o.AppId = " "; break;
                case nameof(QqConnectOptions.AppKey): o.AppKey = string.Empty; break;
                default: o.RedirectUri = string.Empty; break;
            }
        });

        var error = Assert.Throws<ArgumentException>(() => new QqConnectClient(options));

        Assert.Contains($"QqConnectOptions.{property}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signin-qq")]
    [InlineData("signin-qq")]
    [InlineData("ftp://example.com/cb")]
    public void Constructor_RelativeOrNonHttpRedirectUri_Throws(string redirectUri)
    {
        var error = Assert.Throws<ArgumentException>(() => new QqConnectClient(TestApp.Options(o => o.RedirectUri = redirectUri)));

        Assert.Contains("RedirectUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://graph.qq.com/", false)]
    [InlineData("http://example.com:5380/", false)]
    [InlineData("http://127.0.0.1:5380/", true)]
    [InlineData("http://localhost:5380/", true)]
    [InlineData("http://[::1]:5380/", true)]
    [InlineData("https://graph.qq.com/", true)]
    public void Constructor_BaseAddress_HttpsOrLoopbackHttpOnly(string baseAddress, bool accepted)
    {
        var options = TestApp.Options(o => o.BaseAddress = new Uri(baseAddress));

        var failures = QqConnectOptionsValidator.Check(options);

        Assert.Equal(accepted, failures.Count == 0);
    }

    [Theory]
    [InlineData("https://graph.qq.com/?x=1")]
    [InlineData("https://graph.qq.com/?")]
    [InlineData("https://graph.qq.com/#top")]
    [InlineData("http://127.0.0.1:5380/emulator/?v=2#f")]
    public void Constructor_BaseAddressWithAQueryOrFragment_ThrowsBeforeAnyCall(string baseAddress)
    {
        var error = Assert.Throws<ArgumentException>(() => new QqConnectClient(TestApp.Options(o => o.BaseAddress = new Uri(baseAddress))));

        Assert.Contains("BaseAddress must not have a query or fragment", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(64 * 1024 * 1024)]
    public void Constructor_AbsurdBodyCap_Throws(int size)
    {
        Assert.Throws<ArgumentException>(() => new QqConnectClient(TestApp.Options(o => o.MaxResponseBodySize = size)));
    }

    [Fact]
    public void Constructor_InvalidOptions_NeverEchoesTheAppKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new QqConnectClient(TestApp.Options(o => o.AppKey = TestApp.AppKey + " x")));

        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new QqConnectClient(null!));
        Assert.Throws<ArgumentNullException>(() => new QqConnectClient(null!, TestApp.Options()));
        using var http = new HttpClient();
        Assert.Throws<ArgumentNullException>(() => new QqConnectClient(http, null!));
    }

    [Fact]
    public void ToString_Options_HidesTheAppKey()
    {
        var text = TestApp.Options().ToString();

        TestApp.AssertNoSecrets(text);
        Assert.Contains(TestApp.AppId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_OptionsChangedAfterwards_DoesNotAffectTheClient()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").WithExactQueryString($"access_token={TestApp.AccessToken}&fmt=json").RespondWithFixture("me/json-success.txt");
        var options = TestApp.Options();
        using var client = new QqConnectClient(new HttpClient(network), options);

        options.BaseAddress = new Uri("https://evil.example/");
        options.RequestUnionId = true;
        await client.GetOpenIdAsync(TestApp.AccessToken);

        network.VerifyNoOutstandingExpectation();
    }
}
