using System.Web;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests;

public sealed class AuthorizeUrlTests
{
    private readonly RichardSzalay.MockHttp.MockHttpMessageHandler _network = TestApp.StrictNetwork();

    [Fact]
    public void BuildAuthorizeUrl_State_BuildsTheExactCodeFlowUrl()
    {
        using var client = TestApp.Client(_network);

        var url = client.BuildAuthorizeUrl("xyz-123");

        Assert.Equal(
            $"https://graph.qq.com/oauth2.0/authorize?response_type=code&client_id={TestApp.AppId}&redirect_uri={TestApp.EscapedRedirectUri}&state=xyz-123",
            url.AbsoluteUri);
    }

    [Fact]
    public void BuildAuthorizeUrl_StateWithReservedCharacters_IsUrlEncoded()
    {
        using var client = TestApp.Client(_network);

        var url = client.BuildAuthorizeUrl("a b&c=d/中?#");

        Assert.Contains("&state=a%20b%26c%3Dd%2F%E4%B8%AD%3F%23", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("a b&c=d/中?#", HttpUtility.ParseQueryString(url.Query)["state"]);
    }

    [Fact]
    public void BuildAuthorizeUrl_ConfiguredScopes_AreCommaJoined()
    {
        using var client = TestApp.Client(_network, o => o.Scopes = ["get_user_info", "list_album"]);

        var url = client.BuildAuthorizeUrl("s");

        Assert.Equal("get_user_info,list_album", HttpUtility.ParseQueryString(url.Query)["scope"]);
    }

    [Fact]
    public void BuildAuthorizeUrl_NoScopes_LeavesScopeOutForQqDefault()
    {
        using var client = TestApp.Client(_network);

        Assert.Null(HttpUtility.ParseQueryString(client.BuildAuthorizeUrl("s").Query)["scope"]);
    }

    [Fact]
    public void BuildAuthorizeUrl_RequestWithScopesMobileAndRedirect_UsesThem()
    {
        using var client = TestApp.Client(_network, o => o.Scopes = ["get_user_info"]);

        var url = client.BuildAuthorizeUrl(new QqAuthorizeRequest("s1")
        {
            Scopes = ["get_user_info", "add_share"],
            Display = QqDisplay.Mobile,
            RedirectUri = "https://m.example.com/cb",
        });

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("get_user_info,add_share", query["scope"]);
        Assert.Equal("mobile", query["display"]);
        Assert.Equal("https://m.example.com/cb", query["redirect_uri"]);
        Assert.Equal("s1", query["state"]);
    }

    [Fact]
    public void BuildAuthorizeUrl_EmulatorBaseAddress_UsesIt()
    {
        using var client = TestApp.Client(_network, o => o.BaseAddress = new Uri("http://127.0.0.1:5380"));

        Assert.StartsWith("http://127.0.0.1:5380/oauth2.0/authorize?", client.BuildAuthorizeUrl("s").AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\nstate")]
    public void BuildAuthorizeUrl_BlankOrControlState_ThrowsArgumentException(string state)
    {
        using var client = TestApp.Client(_network);

        Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(state));
    }

    [Fact]
    public void BuildAuthorizeUrl_NullState_ThrowsArgumentNullException()
    {
        using var client = TestApp.Client(_network);

        Assert.Throws<ArgumentNullException>(() => client.BuildAuthorizeUrl((string)null!));
        Assert.Throws<ArgumentNullException>(() => client.BuildAuthorizeUrl((QqAuthorizeRequest)null!));
    }

    [Fact]
    public void BuildAuthorizeUrl_RelativeRedirectUri_ThrowsArgumentException()
    {
        using var client = TestApp.Client(_network);

        Assert.Throws<ArgumentException>(() => client.BuildAuthorizeUrl(new QqAuthorizeRequest("s") { RedirectUri = "/signin-qq" }));
    }
}
