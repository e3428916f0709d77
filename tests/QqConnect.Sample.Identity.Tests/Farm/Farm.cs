using System.Net;
using QqConnect.Emulator;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>
/// Two instances of the built site as separate processes on two loopback ports, on one database, with the QQ Connect
/// emulator server on loopback as QQ (the UnionID app). No sticky sessions: the test picks the instance of every request.
/// </summary>
internal sealed class Farm : IAsyncDisposable
{
    private Farm(QqConnectEmulatorServer qq, SampleProcess a, SampleProcess b)
    {
        Qq = qq;
        A = a;
        B = b;
    }

    public QqConnectEmulatorServer Qq { get; }

    public QqConnectEmulator Emulator => Qq.Emulator;

    public SampleProcess A { get; }

    public SampleProcess B { get; }

    /// <summary>Instance <paramref name="index"/> modulo 2: 0 is A, 1 is B.</summary>
    public Uri Node(int index) => index % 2 == 0 ? A.BaseAddress : B.BaseAddress;

    /// <summary>What both instances wrote so far, for a failure's message.</summary>
    public string Output => $"--- A ---\n{A.Output}\n--- B ---\n{B.Output}";

    public static async Task<Farm> StartAsync(FarmDatabase database, QqConnectEmulatorOptions? emulator = null)
    {
        var qq = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Port = 0, EmulatorOptions = emulator });
        try
        {
            var settings = new Dictionary<string, string>(database.Settings)
            {
                ["QqConnect__AppId"] = QqConnectEmulatorOptions.UnionIdAppId,
                ["QqConnect__AppKey"] = QqConnectEmulatorOptions.UnionIdAppKey,
                ["QqConnect__BaseAddress"] = qq.BaseAddress.AbsoluteUri,
                ["QqConnect__RequestUnionId"] = "true",
            };

            // One after the other: the first creates the tables and the key ring, the second finds them.
            var a = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(60), SampleProcess.IdentitySample, settings);
            try
            {
                var b = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(60), SampleProcess.IdentitySample, settings);
                return new Farm(qq, a, b);
            }
            catch
            {
                await a.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await qq.DisposeAsync();
            throw;
        }
    }

    /// <summary>A browser of the farm's one public address (A's), with a cookie jar of its own.</summary>
    public FarmBrowser NewBrowser() => new(A.BaseAddress.Authority);

    /// <summary>
    /// QQ登录 of user <paramref name="userIndex"/> across the farm: the challenge on instance <paramref name="start"/>,
    /// QQ's callback on the other instance, then /qq/callback on the first. Returns the answer of /qq/callback.
    /// </summary>
    public async Task<HttpResponseMessage> QqLoginAsync(FarmBrowser browser, int userIndex, int start)
    {
        using var challenge = await browser.GetAsync(Node(start), "/qq/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var callback = Emulator.Authorize(challenge.Headers.Location!, userIndex);
        using var afterQq = await browser.GetAsync(Node(start + 1), callback.PathAndQuery);
        Assert.True(afterQq.StatusCode == HttpStatusCode.Redirect, $"callback: {(int)afterQq.StatusCode}\n{Output}");
        Assert.Equal("/qq/callback", afterQq.Headers.Location!.OriginalString);
        return await browser.GetAsync(Node(start), "/qq/callback");
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Qq.DisposeAsync();
    }
}
