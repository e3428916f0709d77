using System.Net;
using System.Net.Sockets;
using System.Text;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>The same emulator over real loopback sockets (Kestrel, port 0).</summary>
public sealed class ServerTests
{
    [Fact]
    public async Task Server_Port0_BindsAnEphemeralLoopbackPortAndReportsIt()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.Equal("/", server.BaseAddress.AbsolutePath);
    }

    [Fact]
    public async Task Server_NonLoopbackAddress_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Address = IPAddress.Any }));
    }

    [Fact]
    public async Task Server_Ipv4MappedLoopbackAddress_IsRefused()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Address = IPAddress.Loopback.MapToIPv6() }));
        Assert.Contains("::ffff:127.0.0.1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_FullBrowserAndServerFlow_OverSockets()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var redirect = Uri.EscapeDataString(Harness.Redirect);

        var page = await http.GetStringAsync(new Uri("oauth2.0/authorize?response_type=code&client_id=100000001&redirect_uri=" + redirect + "&state=s1", UriKind.Relative));
        Assert.Contains("id=\"approve\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"" + server.BaseAddress + "qlogo/qqapp/100000001/", page, StringComparison.Ordinal);

        using var form = new StringContent(
            "response_type=code&client_id=100000001&redirect_uri=" + redirect + "&state=s1&user=0&decision=approve",
            Encoding.UTF8,
            "application/x-www-form-urlencoded");
        using var decision = await http.PostAsync(new Uri("oauth2.0/authorize", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Found, decision.StatusCode);
        var code = Harness.QueryOf(decision.Headers.Location!)["code"]!;

        using var tokenResponse = await http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));
        Assert.Equal("text/html", tokenResponse.Content.Headers.ContentType!.ToString());
        Assert.Equal("tws", tokenResponse.Headers.GetValues("Server").Single());
        var (access, _) = Harness.ParseTokens(await tokenResponse.Content.ReadAsStringAsync());

        var openId = server.Emulator.GetOpenId(Harness.App, 0);
        Assert.Equal(
            "callback( {\"client_id\":\"100000001\",\"openid\":\"" + openId + "\"} );\n",
            await http.GetStringAsync(new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative)));

        var info = await http.GetStringAsync(new Uri("user/get_user_info?access_token=" + access + "&oauth_consumer_key=100000001&openid=" + openId, UriKind.Relative));
        var avatar = "\"figureurl_qq_1\": \"http:\\/\\/127.0.0.1:" + server.BaseAddress.Port + "\\/qlogo\\/qqapp\\/100000001\\/" + openId + "\\/40\"";
        Assert.Contains(avatar, info, StringComparison.Ordinal);

        using var svg = await http.GetAsync(new Uri(server.BaseAddress, "qlogo/qqapp/100000001/" + openId + "/40"));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Server_DropAfterProcessing_AbortsTheConnectionAndTheCodeIsSpent()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.DropConnection, Phase = EmulatorFaultPhase.AfterProcessing,
        });
        var code = QqCode(server.Emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));

        Assert.Equal(Harness.JsonpError(100020, "code is reused error"), await http.GetStringAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));
        Assert.Equal(1, server.Emulator.CodeReplays);
    }

    [Fact]
    public async Task Server_ServerErrorBeforeProcessing_Returns503AndTheCodeStillWorks()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.ServerError, StatusCode = 503 });
        var code = QqCode(server.Emulator);

        using var failed = await http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);

        Assert.Matches(Harness.TokenForm(), await http.GetStringAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));
    }

    [Fact]
    public async Task Server_SlowBody_TricklesOverTheSocketUntilTheClientTimesOut()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(400) };
        server.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.SlowBody, ChunkSize = 2, Delay = TimeSpan.FromMilliseconds(100),
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            http.GetStringAsync(new Uri(Harness.TokenQuery(QqCode(server.Emulator)), UriKind.Relative)));
    }

    [Fact]
    public async Task Server_SlowBody_DeliversTheExactBodyWhenTheClientWaits()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Emulator.Faults.Add(new EmulatorFault
        {
            Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.SlowBody, ChunkSize = 16, Delay = TimeSpan.FromMilliseconds(5),
        });

        Assert.Matches(Harness.TokenForm(), await http.GetStringAsync(new Uri(Harness.TokenQuery(QqCode(server.Emulator)), UriKind.Relative)));
    }

    [Fact]
    public async Task Server_RawHttp_HasTextHtmlWithoutCharsetAndServerTws()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes("GET /oauth2.0/me?access_token=NOPE HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: text/html\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("\r\nServer: tws\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\ncallback( {\"error\":100016,\"error_description\":\"access token check failed\"} );\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_SharesAnExistingEmulatorInstance()
    {
        var emulator = new QqConnectEmulator();
        await using var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Emulator = emulator });

        Assert.Same(emulator, server.Emulator);
    }

    private static string QqCode(QqConnectEmulator emulator) =>
        Harness.QueryOf(emulator.Authorize(Harness.AuthorizeUrl()))["code"]!;

    [Fact]
    public async Task Server_FormBodyOver64KiB_Answers413_WithoutReadingItAll_AndTheNextRequestWorks()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        foreach (var chunked in new[] { false, true })
        {
            // Declared over the cap, and sent chunked without a length (the cap holds while reading).
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("oauth2.0/token", UriKind.Relative))
            {
                Content = new StringContent("grant_type=authorization_code&code=" + new string('x', 200_000), Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            request.Headers.TransferEncodingChunked = chunked;
            using var refused = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("65536", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var small = new StringContent("grant_type=authorization_code&client_id=100000001", Encoding.ASCII, "application/x-www-form-urlencoded");
        using var answered = await http.PostAsync(new Uri("oauth2.0/token", UriKind.Relative), small);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Server_IndexPage_ListsAppsAndUsers_WithoutAppKeys()
    {
        var options = new QqConnectEmulatorOptions();
        options.Apps.Add(new EmulatorApp("101234567", "a-real-looking-app-key-0000000000", "localhost"));
        await using var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { EmulatorOptions = options });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("101234567", page, StringComparison.Ordinal);
        Assert.Contains("小明", page, StringComparison.Ordinal);
        Assert.All(options.Apps, app => Assert.DoesNotContain(app.AppKey, page, StringComparison.Ordinal));
    }
}
