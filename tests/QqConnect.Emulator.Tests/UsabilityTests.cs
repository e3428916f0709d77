using System.Net;
using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>What generic OAuth 2.0 clients and published QQ clients do that QQ's docs do not: form POSTs, no state.</summary>
public sealed class UsabilityTests
{
    [Fact]
    public async Task Token_FormPost_IsAnsweredLikeTheGet()
    {
        using var h = new Harness();
        var query = Harness.TokenQuery(h.NewCode());
        using var form = new StringContent(query[(query.IndexOf('?', StringComparison.Ordinal) + 1)..], Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await h.Http.PostAsync(new Uri("oauth2.0/token", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(Harness.TokenForm(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_FormPostWithReusedCode_Returns100020()
    {
        using var h = new Harness();
        var query = Harness.TokenQuery(h.NewCode());
        await h.GetAsync(query);
        using var form = new StringContent(query[(query.IndexOf('?', StringComparison.Ordinal) + 1)..], Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await h.Http.PostAsync(new Uri("oauth2.0/token", UriKind.Relative), form);

        Assert.Equal(Harness.JsonpError(100020, "code is reused error"), await response.Content.ReadAsStringAsync());
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task Me_Post_IsStillRefusedWith405()
    {
        using var h = new Harness();
        using var form = new StringContent("access_token=x", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await h.Http.PostAsync(new Uri("oauth2.0/me", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public void Authorize_MissingStateByDefault_IsRefusedWith100029()
    {
        using var h = new Harness();
        var url = new Uri("https://graph.qq.com/oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect));

        Assert.Equal(100029, Assert.Throws<QqConnectEmulatorException>(() => h.Emulator.Authorize(url)).ErrorCode);
    }

    [Fact]
    public async Task AuthorizePage_MissingStateByDefault_SaysHowToAllowItInEnglishAndChinese()
    {
        using var h = new Harness();

        var page = await h.GetAsync("oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect));

        Assert.Contains("<span id=\"error-code\" data-testid=\"error-code\">100029</span>", page, StringComparison.Ordinal);
        Assert.Contains(
            "<p id=\"hint\" data-testid=\"hint\">This request has no <code>state</code>. To allow that: <code>--allow-missing-state</code> (command line), "
            + "<code>\"requireState\": false</code> (configuration file) or <code>RequireState = false</code> (QqConnectEmulatorOptions).<br>"
            + "请求缺少 <code>state</code>。若要允许：命令行加 <code>--allow-missing-state</code>，配置文件写 <code>\"requireState\": false</code>，"
            + "或代码中设 <code>RequireState = false</code>（QqConnectEmulatorOptions）。</p>",
            page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizePage_OtherError_HasNoStateHint()
    {
        using var h = new Harness();

        var page = await h.GetAsync("oauth2.0/authorize?response_type=code&client_id=100000001&state=s&redirect_uri=" + Uri.EscapeDataString("http://elsewhere.test/cb"));

        Assert.Contains(">100010<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-missing-state", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_MissingStateWithRequireStateOff_CallsBackWithCodeAndNoState()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { RequireState = false });
        var url = new Uri("https://graph.qq.com/oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect));

        var callback = h.Emulator.Authorize(url);

        Assert.Matches("^http://localhost:5000/signin-qq\\?code=[0-9A-F]{32}$", callback.AbsoluteUri);
        Assert.Matches(Harness.TokenForm(), await h.GetAsync(Harness.TokenQuery(Harness.QueryOf(callback)["code"]!)));
    }

    [Fact]
    public async Task AuthorizePage_MissingStateWithRequireStateOff_ShowsTheLoginPage()
    {
        using var h = new Harness(new QqConnectEmulatorOptions { RequireState = false });
        var page = await h.GetAsync("oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect));

        Assert.Contains("id=\"approve\"", page, StringComparison.Ordinal);
    }
}
