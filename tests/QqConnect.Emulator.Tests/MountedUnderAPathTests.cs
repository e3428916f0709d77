using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>The emulator served below a path of another site (UseEmulatorInDevelopment): links that still work there.</summary>
public sealed class MountedUnderAPathTests
{
    private const string AuthorizeQuery =
        "oauth2.0/authorize?response_type=code&client_id=" + Harness.App + "&redirect_uri=http%3A%2F%2Flocalhost%3A5000%2Fsignin-qq&state=xyz";

    [Fact]
    public async Task AuthorizePage_FormPostsToARelativeAction_SoTheDecisionReachesTheEmulatorBelowAnyPath()
    {
        using var h = new Harness();

        var html = await h.GetAsync(AuthorizeQuery);

        Assert.Contains("<form method=\"post\" action=\"authorize\"", html, StringComparison.Ordinal);
        Assert.Equal("https://site.example/qqconnect-emulator/oauth2.0/authorize", new Uri(new Uri("https://site.example/qqconnect-emulator/oauth2.0/authorize?x=1"), "authorize").AbsoluteUri);
    }

    [Fact]
    public async Task UserInfo_RequestWithPublicBaseAddressOption_PointsTheAvatarsUnderIt()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(h.Http.BaseAddress!,
            "user/get_user_info?access_token=" + access + "&oauth_consumer_key=" + Harness.App + "&openid=" + h.Emulator.GetOpenId(Harness.App, 0)));
        request.Options.Set(EmulatorHttpRequestOptions.PublicBaseAddress, new Uri("https://site.example/qqconnect-emulator/"));

        using var response = await h.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"figureurl_qq_2\": \"https:\\/\\/site.example\\/qqconnect-emulator\\/qlogo\\/qqapp\\/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("graph.qq.com", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizePage_RequestWithPublicBaseAddressOption_ShowsAvatarsUnderIt()
    {
        using var h = new Harness();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(h.Http.BaseAddress!, AuthorizeQuery));
        request.Options.Set(EmulatorHttpRequestOptions.PublicBaseAddress, new Uri("https://site.example/qqconnect-emulator/"));

        using var response = await h.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("src=\"https://site.example/qqconnect-emulator/qlogo/qqapp/", html, StringComparison.Ordinal);
    }
}
