using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Configuration;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Errors;

/// <summary>
/// The SDK's messages follow <see cref="CultureInfo.CurrentUICulture"/>: Chinese for zh-Hans cultures (the zh-Hans
/// satellite assembly), English otherwise; an explicit culture wins over the current one.
/// </summary>
public sealed class LocalizedMessagesTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Chinese = new("zh-Hans");

    public static TheoryData<int> KnownCodes()
    {
        var data = new TheoryData<int>();
        foreach (var info in QqErrorCodes.All)
        {
            data.Add(info.Code);
        }

        return data;
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-SG")]
    public void EveryKnownCode_InAChineseUiCulture_ReadsChinese(string culture)
    {
        using var _ = new UiCulture(culture);
        Assert.Equal(39, QqErrorCodes.All.Count);

        foreach (var info in QqErrorCodes.All)
        {
            Assert.True(UiCulture.HasChinese(info.Meaning), $"{info.Code}: {info.Meaning}");
            Assert.True(UiCulture.HasChinese(info.Advice), $"{info.Code}: {info.Advice}");
            Assert.NotEqual(info.GetMeaning(English), info.Meaning);
            Assert.NotEqual(info.GetAdvice(English), info.Advice);
            Assert.True(UiCulture.HasChinese(info.ToString()), info.ToString());
            Assert.StartsWith(info.Code.ToString(CultureInfo.InvariantCulture) + "：", info.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void EveryKnownCode_InAnyOtherUiCulture_ReadsEnglish(string culture)
    {
        using var _ = new UiCulture(culture);

        foreach (var info in QqErrorCodes.All)
        {
            Assert.False(UiCulture.HasChinese(info.Meaning), $"{info.Code}: {info.Meaning}");
            Assert.False(UiCulture.HasChinese(info.Advice), $"{info.Code}: {info.Advice}");
            Assert.Equal(info.GetMeaning(English), info.Meaning);
        }

        Assert.Equal("the code was already used", QqErrorCodes.Find(QqErrorCodes.CodeReused)!.Meaning);
    }

    [Fact]
    public void ExplicitCulture_WinsOverTheCurrentUiCulture()
    {
        using (new UiCulture("zh-CN"))
        {
            var english = QqErrorCodes.GetInfo(QqErrorCodes.CodeReused, new CultureInfo("en-US"))!;
            Assert.Equal("the code was already used", english.Meaning);
            Assert.Equal("en-US", english.Culture!.Name);
            Assert.Equal("the code was already used", QqErrorCodes.Find(QqErrorCodes.CodeReused)!.GetMeaning(English));
            Assert.Equal("100020: the code was already used. Codes are single-use: send the user through QQ login again and never retry a code exchange.", english.ToString());
        }

        using (new UiCulture("en-US"))
        {
            var chinese = QqErrorCodes.GetInfo(QqErrorCodes.RedirectUriInvalid, new CultureInfo("zh-CN"))!;
            Assert.Contains("回调地址", chinese.Meaning, StringComparison.Ordinal);
            Assert.Contains("回调地址", chinese.Advice, StringComparison.Ordinal);
            Assert.Equal(QqErrorAction.FixConfiguration, chinese.Action);
            Assert.Contains("回调地址", QqErrorCodes.Find(QqErrorCodes.RedirectUriInvalid)!.GetAdvice(new CultureInfo("zh-SG")), StringComparison.Ordinal);
            Assert.Null(QqErrorCodes.GetInfo(424242, Chinese));
        }
    }

    [Fact]
    public void Descriptions_AreImmutable_AndFollowTheCultureWhenRead()
    {
        var info = QqErrorCodes.Find(QqErrorCodes.CodeReused)!;
        Assert.Null(info.Culture);
        Assert.Same(info, info.WithCulture(null));
        var chinese = info.WithCulture(Chinese);
        Assert.NotSame(info, chinese);
        Assert.Same(chinese, chinese.WithCulture(Chinese));
        Assert.Null(info.Culture);

        using (new UiCulture("en-US"))
        {
            Assert.Equal("the code was already used", info.Meaning);
            Assert.True(UiCulture.HasChinese(chinese.Meaning));
        }

        using (new UiCulture("zh-CN"))
        {
            Assert.Equal("授权码已被使用过", info.Meaning);
            Assert.Equal("授权码已被使用过", chinese.Meaning);
        }
    }

    [Fact]
    public void EveryMessage_HasAChineseTranslation()
    {
        var manager = new ResourceManager("QqConnect.Client.Resources.Strings", typeof(QqErrorCodes).Assembly);
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var chinese = manager.GetResourceSet(Chinese, createIfNotExists: true, tryParents: false)!;
        var count = 0;
        foreach (DictionaryEntry entry in neutral)
        {
            var key = (string)entry.Key;
            var translated = chinese.GetString(key);
            Assert.False(string.IsNullOrWhiteSpace(translated), $"{key} has no zh-Hans translation");
            // A translation is Chinese, or (a pattern of punctuation only, such as "{0}：{1}。{2}") differs from the English.
            Assert.True(UiCulture.HasChinese(translated) || translated != (string)entry.Value!, $"{key}: {translated}");
            Assert.False(UiCulture.HasChinese((string)entry.Value!), $"{key} is not English: {entry.Value}");
            Assert.Equal(Placeholders((string)entry.Value!), Placeholders(translated!));
            count++;
        }

        foreach (DictionaryEntry entry in chinese)
        {
            Assert.NotNull(neutral.GetString((string)entry.Key));
        }

        Assert.True(count > 100, $"{count} messages");
    }

    [Theory]
    [MemberData(nameof(KnownCodes))]
    public async Task ApiError_InChinese_CarriesTheMeaningAndTheAdvice(int code)
    {
        using var _ = new UiCulture("zh-CN");
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"error\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"error_description\":\"some text\"}"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));

        var info = QqErrorCodes.GetInfo(code, Chinese)!;
        Assert.StartsWith("QQ互联拒绝了 ExchangeCode 调用，错误码 " + code.ToString(CultureInfo.InvariantCulture) + "（", error.Message, StringComparison.Ordinal);
        Assert.Contains(info.Meaning, error.Message, StringComparison.Ordinal);
        Assert.Contains("：some text。", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(info.Advice, error.Message, StringComparison.Ordinal);
        Assert.Equal(info.Meaning, error.ErrorInfo!.Meaning);
        TestApp.AssertNoSecrets(error.Message);
    }

    [Fact]
    public async Task ApiError_InEnglish_CarriesTheMeaningAndTheAdvice()
    {
        using var _ = new UiCulture("en-US");
        var error = await ApiErrorAsync("{\"error\":100020,\"error_description\":\"code is reused error\"}");

        Assert.Equal(
            "QQ Connect rejected ExchangeCode with error 100020 (the code was already used): code is reused error. "
            + "Codes are single-use: send the user through QQ login again and never retry a code exchange.",
            error.Message);
    }

    [Fact]
    public async Task ApiError_OfAnUnknownCode_InChinese()
    {
        using var _ = new UiCulture("zh-CN");
        var error = await ApiErrorAsync("{\"error\":424242}");

        Assert.Equal("QQ互联拒绝了 ExchangeCode 调用，错误码 424242。", error.Message);
        Assert.Null(error.ErrorInfo);
    }

    [Fact]
    public async Task ApiError_OfMe_InJsonp_InChinese()
    {
        using var _ = new UiCulture("zh-CN");
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "callback( {\"error\":100016,\"error_description\":\"access token check failed\"} );\n"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Contains("访问令牌校验失败", error.Message, StringComparison.Ordinal);
        Assert.Contains("请让用户重新进行 QQ登录。", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("zh-CN")]
    public async Task ApiError_InChinese_EchoingTheAppKeyAndTheToken_MasksThem(string culture)
    {
        using var _ = new UiCulture(culture);
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(
            "{\"error\":100009,\"error_description\":\"client_secret=" + TestApp.AppKey + " refresh_token=" + TestApp.RefreshToken + "\"}"))));
        using var client = TestApp.Client(network);

        var error = await Assert.ThrowsAsync<QqConnectApiException>(() => client.RefreshAsync(TestApp.RefreshToken));

        Assert.True(UiCulture.HasChinese(error.Message), error.Message);
        Assert.Contains("client_secret=***", error.Message, StringComparison.Ordinal);
        Assert.Contains("refresh_token=***", error.Message, StringComparison.Ordinal);
        TestApp.AssertNoSecrets(error.Message);
        TestApp.AssertNoSecrets(error.ErrorDescription);
        TestApp.AssertNoSecrets(error.ToString());
    }

    [Fact]
    public async Task ApiError_InChinese_HugeDescription_IsCapped()
    {
        using var _ = new UiCulture("zh-Hans");
        var error = await ApiErrorAsync("{\"error\":100010,\"error_description\":\"" + new string('长', 20_000) + "\"}");

        Assert.True(UiCulture.HasChinese(error.Message));
        Assert.Equal(new string('长', 200) + "…", error.ErrorDescription); // 200 characters kept, then the ellipsis
        Assert.True(error.Message.Length < 1_000, $"message is {error.Message.Length} characters");
    }

    [Fact]
    public async Task ApiError_InChinese_DescriptionWithLineBreaks_CannotForgeALogLine()
    {
        using var _ = new UiCulture("zh-CN");
        var error = await ApiErrorAsync("{\"error\":100019,\"error_description\":\"bad\\r\\n伪造的日志行\"}");

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
    }

    [Fact]
    public void CallbackError_InChinese_CarriesTheMeaning_ReadWhenTheExceptionIsMade()
    {
        QqCallbackResult callback;
        using (new UiCulture("en-US"))
        {
            callback = QqCallback.Parse(new Uri("https://example.com/signin-qq?error=100010&error_description=redirect%20uri%20is%20illegal&state=s"));
            Assert.Equal("QQ login failed with error 100010 (redirect_uri is invalid (or the request is too long)): redirect uri is illegal.", callback.ToString());
        }

        using (new UiCulture("zh-CN"))
        {
            var error = Assert.IsType<QqConnectApiException>(callback.ToException());
            Assert.Equal("QQ登录失败，错误码 100010（回调地址（redirect_uri）非法（或请求过长））：redirect uri is illegal。", error.Message);
            Assert.Equal(error.Message, callback.ToString());
        }
    }

    [Fact]
    public void CallbackCancelAndNotACallback_InChinese()
    {
        using var _ = new UiCulture("zh-CN");

        var cancelled = QqCallback.Parse(new Uri("https://example.com/signin-qq?usercancel=1&state=s")).ToException()!;
        Assert.StartsWith("QQ登录已取消", cancelled.Message, StringComparison.Ordinal);

        var twice = QqCallback.Parse(new Uri("https://example.com/signin-qq?code=a&code=b")).ToException()!;
        Assert.Equal("不是 QQ登录回调：'code' 参数出现了不止一次。", twice.Message);

        var empty = QqCallback.Parse(new Uri("https://example.com/signin-qq?state=s")).ToException()!;
        Assert.True(UiCulture.HasChinese(empty.Message), empty.Message);
    }

    [Fact]
    public void OptionsValidation_InChinese()
    {
        using var _ = new UiCulture("zh-CN");

        var error = Assert.Throws<ArgumentException>(() => new QqConnectClient(new HttpClient(), new QqConnectOptions { AppId = "", AppKey = "", RedirectUri = "x" }));

        Assert.StartsWith("QQ互联配置无效：必须设置 QqConnectOptions.AppId（QQ互联管理中心的 APP ID）。", error.Message, StringComparison.Ordinal);
        Assert.Contains("必须设置 QqConnectOptions.AppKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("QqConnectOptions.RedirectUri 必须是绝对的 http 或 https 地址", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidResponses_InChinese()
    {
        using var _ = new UiCulture("zh-CN");
        var network = TestApp.StrictNetwork();
        network.When("*/oauth2.0/me*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes("<html>502 Bad Gateway</html>"))));
        network.When("*/oauth2.0/token*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes("{\"expires_in\":\"7776000\"}"))));
        using var client = TestApp.Client(network);

        var html = await Assert.ThrowsAsync<QqConnectException>(() => client.GetOpenIdAsync(TestApp.AccessToken));
        var noToken = await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(QqConnectErrorKind.InvalidResponse, html.Kind);
        Assert.Equal("QQ互联对 GetOpenId 调用的应答无法读取：HTML 页面（28 字节），不是 QQ互联的应答。", html.Message);
        Assert.Equal("QQ互联对 ExchangeCode 调用的应答无法读取：JSON 对象，不是有效的应答：没有 access_token。", noToken.Message);
    }

    [Fact]
    public void LoginStateAndConfigurationMessages_InChinese()
    {
        using var _ = new UiCulture("zh-CN");

        var missing = Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(new QqLoginStateOptions()));
        Assert.StartsWith("没有设置 QqLoginStateOptions.Key。", missing.Message, StringComparison.Ordinal);

        var shortKey = Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(new QqLoginStateOptions { Key = new byte[8] }));
        Assert.StartsWith("QqLoginStateOptions.Key 长 8 字节；至少需要 32 个随机字节。", shortKey.Message, StringComparison.Ordinal);

        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["QqConnect:RequestUnionId"] = "yes" })
            .Build().GetSection("QqConnect");
        var bad = Assert.Throws<InvalidOperationException>(() => QqConnect.Client.Configuration.QqConnectOptionsBinder.Bind(section, new QqConnectOptions()));
        Assert.Equal("配置值 QqConnectOptions.RequestUnionId 必须是 true 或 false。", bad.Message);
    }

    private static async Task<QqConnectApiException> ApiErrorAsync(string body)
    {
        var network = TestApp.StrictNetwork();
        network.When("*").Respond(() => Task.FromResult(TestApp.Answer(System.Text.Encoding.UTF8.GetBytes(body))));
        using var client = TestApp.Client(network);
        return await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(TestApp.Code));
    }

    private static string Placeholders(string text) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Cast<System.Text.RegularExpressions.Match>().Select(m => m.Value).OrderBy(v => v, StringComparer.Ordinal));
}
