using Microsoft.Extensions.Time.Testing;
using QqConnect.Client.Testing;
using QqConnect.Emulator;
using Xunit;

namespace QqConnect.Snippets;

/// <summary>The code of docs/emulator.md, compiled (each region is one ```csharp block).</summary>
internal static class EmulatorSnippets
{
    // docs/emulator.md, "In-process use in tests".
    public static void InProcess(Uri authorizeUrl)
    {
        #region emulator-in-process
        var time = new FakeTimeProvider();
        var emulator = new QqConnectEmulator(new QqConnectEmulatorOptions(), time);
        using var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("https://graph.qq.com/") };

        // Play the browser without HTML: validates the authorize URL like the page does,
        // returns the callback URL (throws QqConnectEmulatorException with ErrorCode for 100008/100010/...).
        Uri callback = emulator.Authorize(authorizeUrl, userIndex: 0, approve: true);
        // read it with callback.AbsoluteUri or OriginalString (Uri.ToString() unescapes)

        // ... run the SDK against `http` ...
        Assert.Equal(0, emulator.CodeReplays);
        Assert.Equal(1, emulator.GetRequestCount("/oauth2.0/token"));
        #endregion
    }

    // docs/emulator.md, "Over sockets".
    public static async Task OverSockets(EmulatorFault fault, CancellationToken ct)
    {
        #region emulator-over-sockets
        await using var server = await QqConnectEmulatorServer.StartAsync(
            new QqConnectEmulatorServerOptions { Port = 0 /* ephemeral */ }, ct);
        var baseAddress = server.BaseAddress;   // e.g. http://127.0.0.1:41234/
        server.Emulator.Faults.Add(fault);      // see "Fault injection"
        #endregion
    }

    // docs/emulator.md, "Fault injection".
    public static void Faults(QqConnectEmulator emulator)
    {
        #region emulator-faults
        emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/token",            // null = every path
            Kind = EmulatorFaultKind.DropConnection,
            Phase = EmulatorFaultPhase.AfterProcessing,
            Count = 1,                                // requests it strikes; int.MaxValue = until Clear()
            Delay = TimeSpan.FromSeconds(2),
        });
        var pending = emulator.Faults.Count;          // faults not yet used up
        emulator.Faults.Clear();
        #endregion
    }

    // docs/emulator.md, "Control over HTTP": the same operations in C#.
    public static async Task Control(QqConnectEmulator emulator, CancellationToken ct)
    {
        #region emulator-control-csharp
        var (index, replaced) = emulator.AddOrReplaceUser(new EmulatorUser("alice", "Alice") { City = "杭州" });
        var openId = emulator.GetOpenId(QqConnectEmulatorOptions.DefaultAppId, index);
        emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError, Endpoint = "/oauth2.0/token" });
        // ... a login ...
        Assert.Equal(1, emulator.CodesIssued);
        Assert.Equal(1, emulator.CodesRedeemed);
        foreach (var request in emulator.GetRecentRequests(10))   // oldest first, secrets masked
        {
            Console.WriteLine($"{request.Method} {request.Path}?{request.Query} -> {request.StatusCode}");
        }

        emulator.Reset();

        // The control API over sockets, for tests in other languages:
        await using var server = await QqConnectEmulatorServer.StartAsync(
            new QqConnectEmulatorServerOptions { EnableControl = true }, ct);
        var control = new Uri(server.BaseAddress, "_emulator/");   // e.g. http://127.0.0.1:41234/_emulator/
        #endregion
    }
}
