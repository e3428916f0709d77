using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests.Control;

/// <summary>The control API over real sockets: each operation, with the meaning of the C# API.</summary>
public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Control_OffByDefault_IsAnUnknownPath()
    {
        await using var server = await QqConnectEmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        foreach (var path in new[] { "_emulator/", "_emulator/apps", "_emulator/counters" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        }

        using var reset = await http.PostAsync(new Uri("_emulator/reset", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
    }

    [Fact]
    public async Task Index_ListsTheOperations()
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.GetAsync("_emulator/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("POST /_emulator/faults", json!["operations"]!.AsArray().Select(operation => (string)operation!));
    }

    [Fact]
    public async Task Apps_ListsEveryAppWithoutItsKey()
    {
        await using var control = await ControlServer.StartAsync();

        using var response = await control.Http.GetAsync(new Uri("_emulator/apps", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var apps = JsonNode.Parse(text)!["apps"]!.AsArray();
        Assert.Equal([Harness.App, Harness.UnionApp], apps.Select(app => (string)app!["appId"]!));
        Assert.Equal([false, true], apps.Select(app => (bool)app!["unionIdGranted"]!));
        Assert.Equal(["localhost", "127.0.0.1"], apps[0]!["callbackDomains"]!.AsArray().Select(domain => (string)domain!));
        Assert.DoesNotContain(Harness.Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.UnionKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_ListEachUsersOpenIdPerAppAndUnionIdWhereTheAppHasThePermission()
    {
        await using var control = await ControlServer.StartAsync();
        var emulator = control.Server.Emulator;

        var (_, json) = await control.GetAsync("_emulator/users");

        var users = json!["users"]!.AsArray();
        Assert.Equal(3, users.Count);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i]!;
            Assert.Equal(i, (int)user["index"]!);
            Assert.Equal(emulator.Users[i].Nickname, (string)user["nickname"]!);
            Assert.Equal(emulator.GetOpenId(Harness.App, i), (string)user["openIds"]![Harness.App]!);
            Assert.Equal(emulator.GetOpenId(Harness.UnionApp, i), (string)user["openIds"]![Harness.UnionApp]!);
            Assert.Equal(emulator.GetUnionId(Harness.UnionApp, i), (string)user["unionIds"]![Harness.UnionApp]!);
            Assert.Null(user["unionIds"]![Harness.App]);
        }

        Assert.Equal("Missing", (string)users[1]!["largeQqAvatar"]!);
    }

    [Fact]
    public async Task PutUser_NewKey_AddsItLastAndItLogsInWithTheListedOpenId()
    {
        await using var control = await ControlServer.StartAsync();

        var (status, user) = await control.SendAsync(HttpMethod.Put, "_emulator/users/alice", """{"nickname":"阿狸","gender":"女","city":"杭州","vip":1}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(3, (int)user!["index"]!);
        Assert.Equal("alice", (string)user["key"]!);
        var page = await control.Http.GetStringAsync(new Uri(Harness.AuthorizeUrl().PathAndQuery.TrimStart('/'), UriKind.Relative));
        Assert.Contains(">阿狸<", page, StringComparison.Ordinal);
        var (_, access, _) = await control.LoginAsync(user: 3);
        var me = await control.Http.GetStringAsync(new Uri("oauth2.0/me?fmt=json&access_token=" + access, UriKind.Relative));
        var openId = (string)user["openIds"]![Harness.App]!;
        Assert.Equal("{\"client_id\":\"100000001\",\"openid\":\"" + openId + "\"}", me);
        var info = await control.Http.GetStringAsync(new Uri($"user/get_user_info?access_token={access}&oauth_consumer_key={Harness.App}&openid={openId}", UriKind.Relative));
        Assert.Contains("\"nickname\": \"阿狸\"", info, StringComparison.Ordinal);
        Assert.Contains("\"vip\": \"1\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostUser_ExistingKey_ReplacesTheProfileKeepingIndexAndOpenId()
    {
        await using var control = await ControlServer.StartAsync();
        var before = control.Server.Emulator.GetOpenId(Harness.App, 0);

        var (status, user) = await control.SendAsync(HttpMethod.Post, "_emulator/users", """{"key":"user-0","nickname":"大明"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, (int)user!["index"]!);
        Assert.Equal(before, (string)user["openIds"]![Harness.App]!);
        Assert.Equal("大明", control.Server.Emulator.Users[0].Nickname);
        Assert.Equal(3, control.Server.Emulator.Users.Count);
        var (getStatus, got) = await control.GetAsync("_emulator/users/user-0");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal("大明", (string)got!["nickname"]!);
    }

    [Theory]
    [InlineData("POST", "_emulator/users", """{"nickname":"x"}""", "key is required")]
    [InlineData("POST", "_emulator/users", """{"key":"k","nickname":"  "}""", "nickname is required")]
    [InlineData("PUT", "_emulator/users/k", """{"key":"other","nickname":"x"}""", "is not the key in the URL")]
    [InlineData("PUT", "_emulator/users/k", """{"nickname":"x","nick":"y"}""", "unknown key 'nick'")]
    [InlineData("PUT", "_emulator/users/k", """{"nickname":"x","vip":"gold"}""", "vip must be a whole number")]
    [InlineData("PUT", "_emulator/users/k", """{"nickname":"x","largeQqAvatar":"Huge"}""", "largeQqAvatar must be one of Present, Empty, Missing")]
    [InlineData("PUT", "_emulator/users/k", """["x"]""", "must be a JSON object")]
    [InlineData("PUT", "_emulator/users/k", "", "the body is empty")]
    public async Task PutUser_Mistake_Answers400WithOnePlainSentence(string method, string path, string body, string expected)
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = (string)json!["error"]!;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("QqConnect.", error, StringComparison.Ordinal);
        Assert.Equal(3, control.Server.Emulator.Users.Count);
    }

    [Fact]
    public async Task PutUser_BeyondAThousandUsers_Answers409AndAddsNone()
    {
        await using var control = await ControlServer.StartAsync();
        for (var i = control.Server.Emulator.Users.Count; i < 1000; i++)
        {
            control.Server.Emulator.AddOrReplaceUser(new EmulatorUser("filler-" + i, "n"));
        }

        var (status, json) = await control.SendAsync(HttpMethod.Put, "_emulator/users/one-more", """{"nickname":"x"}""");
        var (replaceStatus, _) = await control.SendAsync(HttpMethod.Put, "_emulator/users/user-0", """{"nickname":"still replaceable"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("1000 users", (string)json!["error"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replaceStatus);
        Assert.Equal(1000, control.Server.Emulator.Users.Count);
    }

    [Fact]
    public async Task PostFault_WithAThousandPending_Answers409()
    {
        await using var control = await ControlServer.StartAsync();
        for (var i = 0; i < 1000; i++)
        {
            control.Server.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError, Endpoint = "/nowhere" });
        }

        var (status, json) = await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"ServerError"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("DELETE /_emulator/faults", (string)json!["error"]!, StringComparison.Ordinal);
        Assert.Equal(1000, control.Server.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Server_WithControlOnANonLoopbackAddress_RefusesToStart()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => QqConnectEmulatorServer.StartAsync(
            new QqConnectEmulatorServerOptions { Address = IPAddress.Any, EnableControl = true }));
        await Assert.ThrowsAsync<ArgumentException>(() => QqConnectEmulatorServer.StartAsync(
            new QqConnectEmulatorServerOptions { Address = IPAddress.Parse("192.168.1.1"), EnableControl = true }));
    }

    [Fact]
    public async Task GetUser_UnknownKey_Answers404()
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.GetAsync("_emulator/users/nobody");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("no user has the key 'nobody'", (string)json!["error"]!);
    }

    [Fact]
    public async Task PostFault_ServerErrorOnTokenCountOne_StrikesTheNextTokenCallOnly()
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"ServerError","endpoint":"/oauth2.0/token","count":1,"statusCode":503}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, (int)json!["pending"]!);
        var tokenQuery = Harness.TokenQuery(Harness.QueryOf(control.Server.Emulator.Authorize(Harness.AuthorizeUrl()))["code"]!);
        using (var failed = await control.Http.GetAsync(new Uri(tokenQuery, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        Harness.ParseTokens(await control.Http.GetStringAsync(new Uri(tokenQuery, UriKind.Relative)));
        Assert.Equal(0, (int)(await control.GetAsync("_emulator/faults")).Json!["pending"]!);
    }

    [Fact]
    public async Task PostFault_TakesTheFieldsOfTheCommandLine()
    {
        await using var control = await ControlServer.StartAsync();

        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"CustomBody","endpoint":"/oauth2.0/me","count":0,"statusCode":200,"body":"code=100010&msg=x"}""");
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"DropConnection","endpoint":"/oauth2.0/token","phase":"AfterProcessing"}""");
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"SlowBody","endpoint":"/user/get_user_info","delayMs":1,"chunkSize":3}""");
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"OversizedBody","endpoint":"/","paddingBytes":10}""");

        Assert.Equal("code=100010&msg=x", await control.Http.GetStringAsync(new Uri("oauth2.0/me", UriKind.Relative)));
        Assert.Equal("code=100010&msg=x", await control.Http.GetStringAsync(new Uri("oauth2.0/me", UriKind.Relative)));
        var code = Harness.QueryOf(control.Server.Emulator.Authorize(Harness.AuthorizeUrl()))["code"]!;
        await Assert.ThrowsAsync<HttpRequestException>(() => control.Http.GetAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));
        Assert.Equal(1, control.Server.Emulator.CodesRedeemed);
        var info = await control.Http.GetStringAsync(new Uri("user/get_user_info", UriKind.Relative));
        Assert.StartsWith("{\"ret\":-1", info, StringComparison.Ordinal);
        var index = await control.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.EndsWith("</html>\n" + new string(' ', 10), index, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"endpoint":"/oauth2.0/token"}""", "a fault needs a kind")]
    [InlineData("""{"kind":"Explode"}""", "kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody")]
    [InlineData("""{"kind":99}""", "kind must be one of")]
    [InlineData("""{"kind":"ServerError","statusCode":99999}""", "statusCode must be an HTTP status from 200 to 599")]
    [InlineData("""{"kind":"ServerError","statusCode":150}""", "statusCode must be an HTTP status from 200 to 599")]
    [InlineData("""{"kind":"ServerError","count":-1}""", "count must be 0 (every request) or more")]
    [InlineData("""{"kind":"Latency","delayMs":-5}""", "delayMs must be from 0 to 600000")]
    [InlineData("""{"kind":"SlowBody","chunkSize":0}""", "chunkSize must be 1 or more")]
    [InlineData("""{"kind":"OversizedBody","paddingBytes":2147483647}""", "paddingBytes must be from 0 to")]
    [InlineData("""{"kind":"ServerError","endpoint":"oauth2.0/token"}""", "endpoint must be a path starting with '/'")]
    [InlineData("""{"kind":"ServerError","phase":"During"}""", "phase must be one of BeforeProcessing, AfterProcessing")]
    [InlineData("""{"kind":"ServerError","count":"one"}""", "count must be a whole number")]
    [InlineData("""{"kind":"ServerError","countt":1}""", "unknown key 'countt'")]
    [InlineData("""{"kind":"ServerError",""", "the body is not valid JSON (line 1, column")]
    public async Task PostFault_Mistake_Answers400WithOnePlainSentenceAndAddsNothing(string body, string expected)
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.SendAsync(HttpMethod.Post, "_emulator/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = (string)json!["error"]!;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.Equal(0, control.Server.Emulator.Faults.Count);
    }

    [Fact]
    public async Task DeleteFaults_ClearsEveryPendingFault()
    {
        await using var control = await ControlServer.StartAsync();
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"ServerError"}""");
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"Latency","delayMs":1000}""");
        Assert.Equal(2, (int)(await control.GetAsync("_emulator/faults")).Json!["pending"]!);

        var (status, json) = await control.SendAsync(HttpMethod.Delete, "_emulator/faults");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, (int)json!["pending"]!);
        Assert.Equal(0, control.Server.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Faults_DoNotStrikeTheControlApiItself()
    {
        await using var control = await ControlServer.StartAsync();
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"DropConnection","count":0}""");

        var (status, json) = await control.GetAsync("_emulator/counters");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int)json!["pendingFaults"]!);
        Assert.Empty(json["requests"]!.AsObject());
    }

    [Fact]
    public async Task Counters_CountCodesIssuedRedeemedReplaysAndRequestsPerPath()
    {
        await using var control = await ControlServer.StartAsync();
        var (code, _, refresh) = await control.LoginAsync();
        await control.Http.GetStringAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative));
        await control.Http.GetStringAsync(new Uri(Harness.RefreshQuery(refresh), UriKind.Relative));
        await control.Http.GetStringAsync(new Uri(Harness.RefreshQuery(refresh), UriKind.Relative));

        var (_, json) = await control.GetAsync("_emulator/counters");

        Assert.Equal(1, (long)json!["codesIssued"]!);
        Assert.Equal(1, (long)json["codesRedeemed"]!);
        Assert.Equal(1, (int)json["codeReplays"]!);
        Assert.Equal(1, (int)json["refreshTokenReplays"]!);
        Assert.Equal(1, (long)json["requests"]!["/oauth2.0/authorize"]!);
        Assert.Equal(4, (long)json["requests"]!["/oauth2.0/token"]!);
    }

    [Fact]
    public async Task Reset_ForgetsTokensZeroesCountersClearsFaultsAndRequestsAndKeepsAddedUsers()
    {
        await using var control = await ControlServer.StartAsync();
        await control.SendAsync(HttpMethod.Put, "_emulator/users/alice", """{"nickname":"Alice"}""");
        var (_, access, _) = await control.LoginAsync();
        await control.SendAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"ServerError","endpoint":"/nowhere"}""");

        var (status, json) = await control.SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)json!["reset"]!);
        var counters = (await control.GetAsync("_emulator/counters")).Json!;
        Assert.Equal(0, (long)counters["codesIssued"]!);
        Assert.Equal(0, (int)counters["pendingFaults"]!);
        Assert.Empty(counters["requests"]!.AsObject());
        Assert.Empty((await control.GetAsync("_emulator/requests")).Json!["requests"]!.AsArray());
        Assert.Equal(
            Harness.JsonpError(100016, "access token check failed"),
            await control.Http.GetStringAsync(new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative)));
        Assert.Equal(4, control.Server.Emulator.Users.Count);
    }

    [Fact]
    public async Task Requests_ListTheLastOnesWithSecretsMasked()
    {
        await using var control = await ControlServer.StartAsync();
        var (code, access, refresh) = await control.LoginAsync();
        await control.Http.GetStringAsync(new Uri(Harness.RefreshQuery(refresh), UriKind.Relative));
        await control.Http.GetStringAsync(new Uri("oauth2.0/me?access_token=" + access, UriKind.Relative));

        using var response = await control.Http.GetAsync(new Uri("_emulator/requests?last=3", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        foreach (var secret in new[] { Harness.Key, code, access, refresh })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var requests = JsonNode.Parse(text)!["requests"]!.AsArray();
        Assert.Equal(["/oauth2.0/token", "/oauth2.0/token", "/oauth2.0/me"], requests.Select(request => (string)request!["path"]!));
        Assert.Equal("grant_type=authorization_code&client_id=100000001&client_secret=***&code=***&redirect_uri=" + Uri.EscapeDataString(Harness.Redirect), (string)requests[0]!["query"]!);
        Assert.Equal("access_token=***", (string)requests[2]!["query"]!);
        Assert.Equal(200, (int)requests[2]!["status"]!);
        Assert.Equal("GET", (string)requests[2]!["method"]!);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)requests[2]!["time"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(1));
        var all = (await control.GetAsync("_emulator/requests")).Json!["requests"]!.AsArray();
        Assert.Equal("POST", (string)all[0]!["method"]!);
        Assert.Equal("/oauth2.0/authorize", (string)all[0]!["path"]!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("ten")]
    public async Task Requests_LastOutOfRange_Answers400(string last)
    {
        await using var control = await ControlServer.StartAsync();

        var (status, json) = await control.GetAsync("_emulator/requests?last=" + last);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("last must be a whole number from 1 to 200", (string)json!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOperation_Answers404AndWrongMethod405WithAllow()
    {
        await using var control = await ControlServer.StartAsync();

        var (notFound, json) = await control.GetAsync("_emulator/nothing");
        using var wrong = await control.Http.DeleteAsync(new Uri("_emulator/counters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Contains("GET /_emulator/ lists them", (string)json!["error"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Equal(["GET"], wrong.Content.Headers.Allow);
    }

    [Fact]
    public async Task Body_NotJsonContentType_Answers415()
    {
        await using var control = await ControlServer.StartAsync();
        using var form = new StringContent("kind=ServerError", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await control.Http.PostAsync(new Uri("_emulator/faults", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, control.Server.Emulator.Faults.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_Over64KiB_Answers413(bool sendLength)
    {
        await using var control = await ControlServer.StartAsync();
        var json = "{\"key\":\"k\",\"nickname\":\"" + new string('x', 70_000) + "\"}";
        using HttpContent content = sendLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        if (!sendLength)
        {
            content.Headers.ContentType = new("application/json");
        }

        using var response = await control.Http.PostAsync(new Uri("_emulator/users", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 64 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task Control_ForAnotherHostOrFromAnotherSitesPage_Answers403(string header, string value)
    {
        await using var control = await ControlServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("_emulator/reset", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(header, value);
        await control.LoginAsync();

        using var response = await control.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("{\"error\":\"the control API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, control.Server.Emulator.CodesIssued);
    }

    [Fact]
    public async Task Control_FromALocalPageOrWithLocalhostHost_IsAnswered()
    {
        await using var control = await ControlServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("_emulator/apps", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost:3000");
        request.Headers.Host = "localhost:" + control.Server.BaseAddress.Port;

        using var response = await control.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Control_Requests_AreLoggedWithoutTheirQuery()
    {
        var lines = new List<string>();
        await using var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions
        {
            EnableControl = true,
            RequestLog = line => { lock (lines) { lines.Add(line); } },
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await http.GetStringAsync(new Uri("_emulator/requests?last=5", UriKind.Relative));

        lock (lines)
        {
            Assert.Equal("GET /_emulator/requests -> 200 (control)", Assert.Single(lines));
        }
    }

    [SkippableFact]
    public async Task Control_OnTheIPv6Loopback_IsAnswered()
    {
        Skip.IfNot(Socket.OSSupportsIPv6, "this machine has no IPv6");

        await using var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { Address = IPAddress.IPv6Loopback, EnableControl = true });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var counters = JsonNode.Parse(await http.GetStringAsync(new Uri("_emulator/counters", UriKind.Relative)))!;

        Assert.Equal(0, (long)counters["codesIssued"]!);
    }
}
