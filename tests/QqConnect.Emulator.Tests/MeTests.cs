using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

public sealed class MeTests
{
    [Fact]
    public async Task Me_Default_ReturnsJsonpWithSpacesInsideParenthesesAndTrailingNewline()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync(user: 1);

        using var response = await h.Http.GetAsync(new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var expected = "callback( {\"client_id\":\"100000001\",\"openid\":\"" + h.Emulator.GetOpenId(Harness.App, 1) + "\"} );\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Me_FmtJson_ReturnsPlainJson()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();

        var body = await h.GetAsync("oauth2.0/me?fmt=json&access_token=" + access);

        Assert.Equal("{\"client_id\":\"100000001\",\"openid\":\"" + h.Emulator.GetOpenId(Harness.App, 0) + "\"}", body);
    }

    [Fact]
    public void OpenIds_Are32UpperHexAndDifferPerAppAndPerUser()
    {
        var emulator = new QqConnectEmulator();
        var ids = new[]
        {
            emulator.GetOpenId(Harness.App, 0), emulator.GetOpenId(Harness.App, 1), emulator.GetOpenId(Harness.UnionApp, 0),
        };

        Assert.All(ids, id => Assert.Matches("^[0-9A-F]{32}$", id));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids[0], new QqConnectEmulator().GetOpenId(Harness.App, 0));
    }

    [Fact]
    public async Task Me_UnionIdWithoutPermission_Returns100048()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync();

        var body = await h.GetAsync("oauth2.0/me?unionid=1&access_token=" + access);

        Assert.Equal(Harness.JsonpError(100048, "companyid not set"), body);
    }

    [Fact]
    public async Task Me_UnionIdWithPermission_AddsUnionId()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync(app: Harness.UnionApp, key: Harness.UnionKey);

        var body = await h.GetAsync("oauth2.0/me?unionid=1&fmt=json&access_token=" + access);

        Assert.Equal(
            "{\"client_id\":\"100000002\",\"openid\":\"" + h.Emulator.GetOpenId(Harness.UnionApp, 0)
                + "\",\"unionid\":\"" + h.Emulator.GetUnionId(Harness.UnionApp, 0) + "\"}",
            body);
        Assert.Matches("^UID_[0-9A-F]{32}$", h.Emulator.GetUnionId(Harness.UnionApp, 0));
    }

    [Fact]
    public async Task Me_WithoutUnionIdParameter_NeverAddsUnionId()
    {
        using var h = new Harness();
        var (access, _) = await h.LoginAsync(app: Harness.UnionApp, key: Harness.UnionKey);

        var body = await h.GetAsync("oauth2.0/me?unionid=0&access_token=" + access);

        Assert.DoesNotContain("unionid", body, StringComparison.Ordinal);
    }

    [Fact]
    public void UnionId_IsSharedByAppsOfOneDeveloperButNotOfAnother()
    {
        var options = new QqConnectEmulatorOptions();
        options.Apps.Add(new EmulatorApp("100000003", "k3", "localhost") { UnionIdGranted = true });
        options.Apps.Add(new EmulatorApp("100000004", "k4", "localhost") { UnionIdGranted = true, DeveloperId = "someone-else" });
        var emulator = new QqConnectEmulator(options);

        Assert.Equal(emulator.GetUnionId(Harness.UnionApp, 1), emulator.GetUnionId("100000003", 1));
        Assert.NotEqual(emulator.GetOpenId(Harness.UnionApp, 1), emulator.GetOpenId("100000003", 1));
        Assert.NotEqual(emulator.GetUnionId(Harness.UnionApp, 1), emulator.GetUnionId("100000004", 1));
    }

    [Fact]
    public async Task Me_MissingToken_Returns100007()
    {
        using var h = new Harness();
        Assert.Equal(Harness.JsonpError(100007, "param access_token is wrong or lost "), await h.GetAsync("oauth2.0/me"));
    }

    [Fact]
    public async Task Me_UnknownToken_Returns100016AsJsonpOrJson()
    {
        using var h = new Harness();

        Assert.Equal(Harness.JsonpError(100016, "access token check failed"), await h.GetAsync("oauth2.0/me?access_token=BAD"));
        Assert.Equal(Harness.JsonError(100016, "access token check failed"), await h.GetAsync("oauth2.0/me?fmt=json&access_token=BAD"));
    }

    [Fact]
    public async Task Me_ExpiredToken_Returns100014()
    {
        using var h = new Harness(fakeTime: true);
        var (access, _) = await h.LoginAsync();
        h.Time!.Advance(TimeSpan.FromSeconds(7_776_000));

        Assert.Equal(Harness.JsonpError(100014, "access token is expired"), await h.GetAsync("oauth2.0/me?access_token=" + access));
    }

    [Fact]
    public async Task Me_TokenJustBeforeExpiry_StillWorks()
    {
        using var h = new Harness(fakeTime: true);
        var (access, _) = await h.LoginAsync();
        h.Time!.Advance(TimeSpan.FromSeconds(7_775_999));

        Assert.StartsWith("callback( {\"client_id\"", await h.GetAsync("oauth2.0/me?access_token=" + access), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_OldAccessTokenAfterRefresh_StaysValidUntilItExpires()
    {
        using var h = new Harness();
        var (access, refresh) = await h.LoginAsync();
        await h.GetAsync(Harness.RefreshQuery(refresh));

        Assert.StartsWith("callback( {\"client_id\"", await h.GetAsync("oauth2.0/me?access_token=" + access), StringComparison.Ordinal);
    }
}
