using QqConnect.Client.Testing;

namespace QqConnect.IntegrationTests;

/// <summary>One client shared by 1,000 concurrent logins against the in-process emulator.</summary>
public sealed class InProcessConcurrencyTests
{
    [Fact]
    public async Task OneSharedClient_ThousandConcurrentFlows_EachCallerGetsItsOwnAnswer()
    {
        var emulator = new QqConnectEmulator();
        using var client = new QqConnectClient(new HttpClient(emulator.CreateHandler()), LoginFlow.Options(new Uri("https://graph.qq.com/")));
        using var start = new SemaphoreSlim(0);

        var flows = Enumerable.Range(0, 1000).Select(async flow =>
        {
            await start.WaitAsync();
            var userIndex = flow % emulator.Users.Count;
            var (token, openId, user) = await LoginFlow.RunAsync(client, emulator, userIndex);
            return (userIndex, token.AccessToken, openId.OpenId, user.Nickname);
        }).ToList();
        start.Release(1000);
        var results = await Task.WhenAll(flows);

        Assert.Equal(1000, results.Select(result => result.AccessToken).Distinct().Count());
        foreach (var (userIndex, _, openId, nickname) in results)
        {
            Assert.Equal(emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, userIndex), openId);
            Assert.Equal(emulator.Users[userIndex].Nickname, nickname);
        }
    }
}
