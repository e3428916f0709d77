using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary><see cref="QqConnectEmulator.GetRecentRequests"/>: a bounded ring of the last requests, secrets masked.</summary>
public sealed class RecentRequestsTests
{
    [Fact]
    public async Task RecentRequests_MaskTheAppKeyCodeAndTokensInQueries()
    {
        using var h = new Harness(fakeTime: true);
        var code = h.NewCode();
        var (access, refresh) = Harness.ParseTokens(await h.GetAsync(Harness.TokenQuery(code)));
        await h.GetAsync(Harness.RefreshQuery(refresh));
        await h.GetAsync("oauth2.0/me?access_token=" + access + "&fmt=json");

        var requests = h.Emulator.GetRecentRequests();

        Assert.Equal(3, requests.Count);
        var text = string.Join("\n", requests.Select(request => request.Query));
        foreach (var secret in new[] { Harness.Key, code, access, refresh })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal(
            "grant_type=authorization_code&client_id=100000001&client_secret=***&code=***&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect),
            requests[0].Query);
        Assert.Equal("grant_type=refresh_token&client_id=100000001&client_secret=***&refresh_token=***", requests[1].Query);
        Assert.Equal("access_token=***&fmt=json", requests[2].Query);
        Assert.Equal(("GET", "/oauth2.0/me", 200), (requests[2].Method, requests[2].Path, requests[2].StatusCode));
        Assert.Equal(h.Time!.GetUtcNow(), requests[2].Time);
    }

    [Fact]
    public async Task RecentRequests_MaskSecretsInAFormPost()
    {
        using var h = new Harness();
        var code = h.NewCode();
        using var form = new StringContent(
            "grant_type=authorization_code&client_id=100000001&client_secret=" + Harness.Key + "&code=" + code + "&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect),
            Encoding.UTF8,
            "application/x-www-form-urlencoded");

        using var response = await h.Http.PostAsync(new Uri("oauth2.0/token", UriKind.Relative), form);

        var recorded = Assert.Single(h.Emulator.GetRecentRequests());
        Assert.Equal("POST", recorded.Method);
        Assert.DoesNotContain(Harness.Key, recorded.Form, StringComparison.Ordinal);
        Assert.DoesNotContain(code, recorded.Form, StringComparison.Ordinal);
        Assert.Contains("client_secret=***&code=***", recorded.Form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CLIENT_SECRET=abc", "CLIENT_SECRET=***")]
    [InlineData("client%5Fsecret=abc", "client%5Fsecret=***")]
    [InlineData("code=", "code=")]
    [InlineData("state=code%3Dabc&code=x", "state=code%3Dabc&code=***")]
    [InlineData("access_token=a&access_token=b", "access_token=***&access_token=***")]
    public async Task RecentRequests_MaskEveryWayASecretNameIsWritten(string query, string recorded)
    {
        var emulator = new QqConnectEmulator();

        await emulator.HandleAsync(new EmulatorRequest("GET", "/oauth2.0/me", new Uri("http://127.0.0.1/")) { Query = "?" + query });

        Assert.Equal(recorded, Assert.Single(emulator.GetRecentRequests()).Query);
    }

    [Fact]
    public async Task RecentRequests_KeepOnlyTheLast200_OldestFirst()
    {
        using var h = new Harness();

        for (var i = 0; i < 250; i++)
        {
            using var response = await h.Http.GetAsync(new Uri("oauth2.0/me?n=" + i, UriKind.Relative));
        }

        var all = h.Emulator.GetRecentRequests();
        Assert.Equal(QqConnectEmulator.RecentRequestCapacity, all.Count);
        Assert.Equal("n=50", all[0].Query);
        Assert.Equal("n=249", all[^1].Query);
        Assert.Equal(["n=247", "n=248", "n=249"], h.Emulator.GetRecentRequests(3).Select(request => request.Query));
    }

    [Fact]
    public async Task RecentRequests_CutALongQuery()
    {
        using var h = new Harness();

        await h.Http.GetAsync(new Uri("oauth2.0/me?x=" + new string('a', 10_000), UriKind.Relative));

        var query = Assert.Single(h.Emulator.GetRecentRequests()).Query!;
        Assert.Equal(2048 + 1, query.Length);
        Assert.EndsWith("…", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentRequests_RecordTheFaultAndNoStatusForADroppedConnection()
    {
        using var h = new Harness();
        h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.DropConnection, Endpoint = "/oauth2.0/me" });
        h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError, Endpoint = "/oauth2.0/me" });

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.GetAsync(new Uri("oauth2.0/me", UriKind.Relative)));
        using var failed = await h.Http.GetAsync(new Uri("oauth2.0/me", UriKind.Relative));

        var requests = h.Emulator.GetRecentRequests();
        Assert.Equal((null, EmulatorFaultKind.DropConnection), (requests[0].StatusCode, requests[0].Fault));
        Assert.Equal((502, EmulatorFaultKind.ServerError), (requests[1].StatusCode, requests[1].Fault));
    }

    [Fact]
    public async Task Reset_ForgetsTheRecentRequests()
    {
        using var h = new Harness();
        await h.LoginAsync();

        h.Emulator.Reset();

        Assert.Empty(h.Emulator.GetRecentRequests());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void GetRecentRequests_CountOutOfRange_Throws(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QqConnectEmulator().GetRecentRequests(count));
    }
}
