using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary><see cref="QqConnectEmulator.CodesIssued"/>, <see cref="QqConnectEmulator.CodesRedeemed"/> and <see cref="QqConnectEmulator.GetRequestCounts"/>.</summary>
public sealed class CodeCountersTests
{
    [Fact]
    public async Task Counters_CountCodesIssuedAndRedeemedOnceEach()
    {
        using var h = new Harness();
        var redeemed = h.NewCode();
        h.NewCode();
        h.Emulator.Authorize(Harness.AuthorizeUrl(), approve: false);

        await h.GetAsync(Harness.TokenQuery(redeemed));
        await h.GetAsync(Harness.TokenQuery(redeemed));

        Assert.Equal(2, h.Emulator.CodesIssued);
        Assert.Equal(1, h.Emulator.CodesRedeemed);
        Assert.Equal(1, h.Emulator.CodeReplays);
    }

    [Fact]
    public async Task Counters_ImplicitFlowAndFailedExchanges_IssueOrRedeemNoCode()
    {
        using var h = new Harness();
        h.Emulator.Authorize(Harness.AuthorizeUrl(responseType: "token"));
        var code = h.NewCode();

        await h.GetAsync(Harness.TokenQuery(code, key: "wrong"));
        await h.GetAsync(Harness.TokenQuery(code, redirect: "http://localhost:5000/other"));

        Assert.Equal(1, h.Emulator.CodesIssued);
        Assert.Equal(0, h.Emulator.CodesRedeemed);
    }

    [Fact]
    public async Task Reset_ZeroesTheCodeCounters()
    {
        using var h = new Harness();
        await h.LoginAsync();

        h.Emulator.Reset();

        Assert.Equal(0, h.Emulator.CodesIssued);
        Assert.Equal(0, h.Emulator.CodesRedeemed);
    }

    [Fact]
    public async Task GetRequestCounts_ListsEveryPathWithItsCountInPathOrder()
    {
        using var h = new Harness();
        await h.LoginAsync();
        await h.GetAsync("oauth2.0/me?access_token=x");
        await h.GetAsync("oauth2.0/me?access_token=y");

        Assert.Equal(
            [new("/oauth2.0/me", 2), new("/oauth2.0/token", 1)],
            h.Emulator.GetRequestCounts());
    }
}
