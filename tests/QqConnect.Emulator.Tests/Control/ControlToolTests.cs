using System.Net;
using System.Text.Json.Nodes;
using QqConnect.Client.Testing;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Tests.Control;

/// <summary>The tool's <c>--control</c> flag and what the tool prints at start-up for a test writer.</summary>
public sealed class ControlToolTests
{
    [Fact]
    public void Parse_Control_TurnsTheControlApiOnAndItIsOffWithout()
    {
        Assert.True(EmulatorCommandLine.Parse(["--control"]).Control);
        Assert.False(EmulatorCommandLine.Parse([]).Control);
        Assert.Contains("--control", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithControl_PrintsTheControlAddressAndAnswersIt()
    {
        var (text, body) = await RunAsync(["--port", "0", "--control"], async address =>
        {
            using var http = new HttpClient();
            return await http.GetStringAsync(new Uri(address, "_emulator/counters"));
        });

        Assert.Matches(@"  control: http://127\.0\.0\.1:\d+/_emulator/ \(loopback only\)", text);
        Assert.Equal(0, (long)JsonNode.Parse(body)!["codesIssued"]!);
    }

    [Fact]
    public async Task Run_WithoutControl_PrintsNoControlAddressAndAnswers404()
    {
        var (text, status) = await RunAsync(["--port", "0"], async address =>
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(address, "_emulator/counters"));
            return response.StatusCode;
        });

        Assert.DoesNotContain("control:", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Run_StartUp_ListsEachUsersUnionIdForTheAppsWithThePermission()
    {
        var emulator = new QqConnectEmulator();

        var (text, _) = await RunAsync(["--port", "0"], _ => Task.FromResult(0));

        for (var i = 0; i < emulator.Users.Count; i++)
        {
            var nickname = emulator.Users[i].Nickname;
            Assert.Contains(
                $"  app {Harness.UnionApp}: user {i} {nickname}  openid {emulator.GetOpenId(Harness.UnionApp, i)}  unionid {emulator.GetUnionId(Harness.UnionApp, i)}" + Environment.NewLine,
                text,
                StringComparison.Ordinal);
            Assert.Contains($"  app {Harness.App}: user {i} {nickname}  openid {emulator.GetOpenId(Harness.App, i)}" + Environment.NewLine, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs the tool in process until it printed its start-up, calls <paramref name="use"/> with its address, stops it.</summary>
    private static async Task<(string Output, T Result)> RunAsync<T>(string[] args, Func<Uri, Task<T>> use)
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var run = EmulatorTool.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        try
        {
            for (var i = 0; i < 500 && !output.ToString().Contains("Ctrl+C", StringComparison.Ordinal); i++)
            {
                Assert.False(run.IsCompleted, "the tool stopped: " + output);
                await Task.Delay(20);
            }

            var text = output.ToString();
            const string marker = "listening on ";
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, "no address printed: " + text);
            var address = new Uri(text[(at + marker.Length)..text.IndexOf('\n', at)].Trim());
            var result = await use(address);
            return (text, result);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
