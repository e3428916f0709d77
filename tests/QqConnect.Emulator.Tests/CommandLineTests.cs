using System.Net;
using QqConnect.Client.Testing;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Tests;

/// <summary>The tool's arguments and JSON configuration file.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_KeepsDefaults()
    {
        var settings = EmulatorCommandLine.Parse([]);

        Assert.Equal(5380, settings.Port);
        Assert.Equal(IPAddress.Loopback, settings.Address);
        Assert.Equal(2, settings.EmulatorOptions.Apps.Count);
        Assert.Equal(3, settings.EmulatorOptions.Users.Count);
        Assert.True(settings.EmulatorOptions.RequireState);
        Assert.Empty(settings.Faults);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "abc")]
    [InlineData("--urls", "http://127.0.0.1:70000")]
    [InlineData("--urls", "http://0.0.0.0:5380")]
    [InlineData("--urls", "http://[::ffff:127.0.0.1]:0")]
    [InlineData("--urls", "http://127.0.0.1:5380/qq")]
    [InlineData("--urls", "http://127.0.0.1:5380/?a=1")]
    [InlineData("--urls", "http://127.0.0.1:5380/#top")]
    [InlineData("--urls", "http://user@127.0.0.1:5380")]
    [InlineData("--urls", "http://127.0.0.1:5380;http://127.0.0.1:5381")]
    [InlineData("--urls", "")]
    public void Parse_BadPortOrAddress_FailsWithOneLineNamingUrls(string name, string value)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse([name, value]));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("--urls http://127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Flags_SetTheEmulatorOptions()
    {
        var settings = EmulatorCommandLine.Parse(
        [
            "--app", "42:k42:example.com,http://127.0.0.1:9000/cb", "--app", "43:k43",
            "--user", "alice:Alice: the first",
            "--omit-refresh-token", "--legacy-callback-errors", "--allow-missing-state",
            "--fault", "kind=SlowBody,endpoint=/oauth2.0/me,delayMs=500,chunkSize=1,count=0",
            "--port", "0",
        ]);
        var options = settings.EmulatorOptions;

        Assert.Equal(0, settings.Port);
        Assert.Equal(["42", "43"], options.Apps.Select(app => app.AppId));
        Assert.Equal(["example.com", "http://127.0.0.1:9000/cb"], options.Apps[0].CallbackDomains);
        Assert.Equal(["localhost", "127.0.0.1"], options.Apps[1].CallbackDomains);
        Assert.Equal("Alice: the first", Assert.Single(options.Users).Nickname);
        Assert.True(options.OmitRefreshToken);
        Assert.True(options.UseLegacyCallbackErrors);
        Assert.False(options.RequireState);
        var fault = Assert.Single(settings.Faults);
        Assert.Equal(EmulatorFaultKind.SlowBody, fault.Kind);
        Assert.Equal("/oauth2.0/me", fault.Endpoint);
        Assert.Equal(TimeSpan.FromMilliseconds(500), fault.Delay);
        Assert.Equal(1, fault.ChunkSize);
        Assert.Equal(int.MaxValue, fault.Count);
    }

    [Fact]
    public void Parse_ConfigFile_SetsAppsUsersBehaviourAndFaults()
    {
        const string json = """
            {
              // comments and trailing commas are fine
              "urls": "http://127.0.0.1:6000",
              "apps": [ { "appId": "7", "appKey": "seven", "callbackDomains": ["example.test"], "unionIdGranted": true } ],
              "users": [ { "key": "bob", "nickname": "Bob", "gender": "女", "largeQqAvatar": "Missing", "vip": 1 } ],
              "omitRefreshToken": true,
              "legacyCallbackErrors": true,
              "requireState": false,
              "denyErrorCode": 100070,
              "accessTokenLifetimeSeconds": 5184000,
              "faults": [ { "kind": "CustomBody", "endpoint": "/oauth2.0/token", "body": "code=100010&msg=redirect%20uri%20is%20illegal" } ],
            }
            """;
        var settings = EmulatorCommandLine.Parse(["--config", "emulator.json"], path => path == "emulator.json" ? json : throw new FileNotFoundException(path));
        var options = settings.EmulatorOptions;

        Assert.Equal(6000, settings.Port);
        var app = Assert.Single(options.Apps);
        Assert.Equal(("7", "seven", true), (app.AppId, app.AppKey, app.UnionIdGranted));
        Assert.Equal(["example.test"], app.CallbackDomains);
        var user = Assert.Single(options.Users);
        Assert.Equal(("bob", "Bob", "女", EmulatorAvatarPresence.Missing, 1), (user.Key, user.Nickname, user.Gender, user.LargeQqAvatar, user.Vip));
        Assert.True(options.OmitRefreshToken);
        Assert.True(options.UseLegacyCallbackErrors);
        Assert.False(options.RequireState);
        Assert.Equal(100070, options.DenyErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(5_184_000), options.AccessTokenLifetime);
        var fault = Assert.Single(settings.Faults);
        Assert.Equal((EmulatorFaultKind.CustomBody, "code=100010&msg=redirect%20uri%20is%20illegal"), (fault.Kind, fault.Body));
    }

    [Fact]
    public void Parse_CommandLineAndConfigFile_TheCommandLineWinsWhateverTheOrder()
    {
        var settings = EmulatorCommandLine.Parse(["--port", "6001", "--config", "c.json"], _ => """{ "urls": "http://127.0.0.1:6000" }""");

        Assert.Equal(6001, settings.Port);
    }

    [Theory]
    [InlineData("""{ "omitRefreshTokens": true }""", "omitRefreshTokens")]
    [InlineData("""{ "apps": [ { "appKey": "k" } ] }""", "appId")]
    [InlineData("""{ "faults": [ { "kind": "Explode" } ] }""", "c.json")]
    [InlineData("""{ "faults": [ { "endpoint": "/oauth2.0/me" } ] }""", "kind")]
    [InlineData("not json", "c.json")]
    public void Parse_BadConfigFile_FailsWithOneLineNamingTheProblem(string json, string named)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "c.json"], _ => json));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyConfigPath_FailsWithOneLineNamingConfig()
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", ""]));

        Assert.Equal("--config needs a file name, got an empty one. （--config 需要一个文件名，收到的是空的。）", error.Message);
    }

    [Fact]
    public void Parse_ConfigIsADirectory_SaysItIsADirectory()
    {
        var directory = Path.GetTempPath();

        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", directory]));

        Assert.Equal($"--config: '{directory}' is a directory, not a JSON file. （--config：'{directory}' 是目录，不是 JSON 文件。）", error.Message);
    }

    [Fact]
    public void Parse_ConfigFileMissing_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), "qqconnect-emulator-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", path]));

        Assert.Equal($"--config: there is no file '{path}'. （--config：文件 '{path}' 不存在。）", error.Message);
    }

    [Fact]
    public void Parse_ConfigFileWithoutEnd_StopsAtOneMebibyte()
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "/dev/zero"]));

        Assert.Equal("--config: '/dev/zero' is larger than 1 MiB; a configuration file must be at most 1 MiB. （--config：'/dev/zero' 超过 1 MiB；配置文件最多 1 MiB。）", error.Message);
    }

    [Fact]
    public void Parse_RealConfigFile_IsRead()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "\uFEFF{ \"urls\": \"http://127.0.0.1:6002\" }");

            Assert.Equal(6002, EmulatorCommandLine.Parse(["--config", path]).Port);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--app", "a:b:", "--app 'a:b:': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':'). （--app 'a:b:'：最后一个 ':' 后面的回调域名是空的；至少给一个，例如 localhost,127.0.0.1，或去掉最后一个 ':'。）")]
    [InlineData("--app", "a:b: , ", "--app 'a:b: , ': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':'). （--app 'a:b: , '：最后一个 ':' 后面的回调域名是空的；至少给一个，例如 localhost,127.0.0.1，或去掉最后一个 ':'。）")]
    [InlineData("--user", "a:", "--user 'a:': the nickname after ':' is empty; --user needs KEY:NICKNAME. （--user 'a:'：':' 后面的昵称是空的；--user 需要 KEY:NICKNAME。）")]
    [InlineData("--fault", "kind=ServerError,statusCode=99", "--fault: statusCode must be an HTTP answer status from 200 to 599, got 99. （--fault：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 99。）")]
    [InlineData("--fault", "kind=CustomBody,statusCode=600", "--fault: statusCode must be an HTTP answer status from 200 to 599, got 600. （--fault：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 600。）")]
    public void Parse_ValueThatBreaksEveryLogin_FailsWithOneLineNamingTheOption(string name, string value, string expected)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse([name, value]));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_SameUserKeyTwice_FailsNamingTheKey()
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--user", "a:A", "--user", "a:B"]));

        Assert.Equal("--user: the key 'a' is given twice; each user needs its own key (the OpenIDs derive from it). （--user：键 'a' 出现了两次；每个用户需要自己的键，OpenID 由它派生。）", error.Message);
    }

    [Theory]
    [InlineData("""{ "codeLifetimeSeconds": 0 }""", "c.json: codeLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 0. （c.json: codeLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 0。）")]
    [InlineData("""{ "accessTokenLifetimeSeconds": -5 }""", "c.json: accessTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got -5. （c.json: accessTokenLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 -5。）")]
    [InlineData("""{ "refreshTokenLifetimeSeconds": 9999999999999 }""", "c.json: refreshTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 9999999999999. （c.json: refreshTokenLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 9999999999999。）")]
    [InlineData("""{ "refreshTokenLifetimeSeconds": 0 }""", "c.json: refreshTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 0. （c.json: refreshTokenLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 0。）")]
    [InlineData("""{ "apps": [] }""", "c.json: apps is empty; list at least one app (or leave apps out for the default apps): without one every login fails with 100010. （c.json：apps 是空的；至少列出一个应用，或不写 apps 使用默认应用：没有应用，每次登录都会以 100010 失败。）")]
    [InlineData("""{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": [] } ] }""", "c.json: apps[0].callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1). （c.json: apps[0].callbackDomains 是空的；至少列出一个域名，例如 \"localhost\"；不写它则使用 localhost 和 127.0.0.1。）")]
    [InlineData("""{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": [" "] } ] }""", "c.json: apps[0].callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1). （c.json: apps[0].callbackDomains 是空的；至少列出一个域名，例如 \"localhost\"；不写它则使用 localhost 和 127.0.0.1。）")]
    [InlineData("""{ "users": [ { "key": "a", "nickname": "A" }, { "key": "a", "nickname": "B" } ] }""", "c.json: users[1].key 'a' is given twice; each user needs its own key (the OpenIDs derive from it). （c.json：users[1].key 'a' 出现了两次；每个用户需要自己的键，OpenID 由它派生。）")]
    [InlineData("""{ "users": [ { "key": "a", "nickname": "" } ] }""", "c.json: users[0].nickname is required (a non-empty string). （c.json: users[0].nickname 是必填项，须为非空字符串。）")]
    [InlineData("""{ "users": [] }""", "c.json: users is empty; list at least one user (or leave users out for the default users). （c.json：users 是空的；至少列出一个用户，或不写 users 使用默认用户。）")]
    [InlineData("""{ "faults": [ { "kind": "ServerError", "statusCode": 1000 } ] }""", "c.json: faults[0]: statusCode must be an HTTP answer status from 200 to 599, got 1000. （c.json: faults[0]：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 1000。）")]
    public void Parse_ConfigValueThatBreaksEveryLogin_FailsWithOneLineNamingTheKey(string json, string expected)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "c.json"], _ => json));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("""{ "omitRefreshTokens": true }""", "c.json: line 1, column 23: unknown key 'omitRefreshTokens'; the keys here are urls, apps, users, omitRefreshToken, legacyCallbackErrors, requireState, denyErrorCode, denyErrorDescription, codeLifetimeSeconds, accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, faults. （c.json：第 1 行第 23 列：未知的键 'omitRefreshTokens'；这里可用的键是 urls, apps, users, omitRefreshToken, legacyCallbackErrors, requireState, denyErrorCode, denyErrorDescription, codeLifetimeSeconds, accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, faults。）")]
    [InlineData("""{ "codeLifetimeSeconds": "600" }""", "c.json: line 1, column 31: codeLifetimeSeconds must be a whole number. （c.json：第 1 行第 31 列：codeLifetimeSeconds 必须是整数。）")]
    [InlineData("""{ "codeLifetimeSeconds": null, "requireState": 1 }""", "c.json: line 1, column 49: requireState must be true or false. （c.json：第 1 行第 49 列：requireState 必须是 true 或 false。）")]
    [InlineData("{\n  \"faults\": [ { \"kind\": \"Explode\" } ]\n}", "c.json: line 2, column 34: faults[0].kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody. （c.json：第 2 行第 34 列：faults[0].kind 必须是 Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody 之一。）")]
    [InlineData("""{ "apps": [ { "appId": 1 } ] }""", "c.json: line 1, column 25: apps[0].appId must be a string. （c.json：第 1 行第 25 列：apps[0].appId 必须是字符串。）")]
    [InlineData("""{ "apps": { } }""", "c.json: line 1, column 12: apps must be a list [ ... ]. （c.json：第 1 行第 12 列：apps 必须是列表 [ ... ]。）")]
    [InlineData("[]", "c.json: line 1, column 2: the configuration must be an object { ... }. （c.json：第 1 行第 2 列：配置必须是对象 { ... }。）")]
    [InlineData("not json", "c.json: line 1, column 2: not valid JSON (look for a missing quote, comma or bracket). （c.json：第 1 行第 2 列：不是有效的 JSON，请检查是否缺少引号、逗号或括号。）")]
    [InlineData("{ \"urls\": \"x\",\n\n  oops }", "c.json: line 3, column 3: not valid JSON (look for a missing quote, comma or bracket). （c.json：第 3 行第 3 列：不是有效的 JSON，请检查是否缺少引号、逗号或括号。）")]
    public void Parse_ConfigFileOfTheWrongShape_SaysLineColumnAndKeyInPlainWords(string json, string expected)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "c.json"], _ => json));

        Assert.Equal(expected, error.Message);
        foreach (var fragment in new[] { "System.", ".NET", "LineNumber", "BytePosition", "Parameter '", "EmulatorConfig", "Nullable", "$." })
        {
            Assert.DoesNotContain(fragment, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_SameAppIdTwice_PrintsOnePlainLine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorTool.RunAsync(["--app", "1:a", "--app", "1:b"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Equal("--app: the app id '1' is given twice; each app needs its own id. （--app：应用 ID '1' 出现了两次；每个应用需要自己的 ID。）" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task Run_StartUp_ListsEachUsersOpenIdPerAppAndNoAppKey()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        string[] args = ["--port", "0", "--app", "42:secret-key-42", "--app", "43:secret-key-43", "--user", "a:小明", "--user", "b:Bob"];
        var run = EmulatorTool.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        await WaitForAddressAsync(output, run);
        var emulator = new QqConnectEmulator(EmulatorCommandLine.Parse(args).EmulatorOptions);
        for (var i = 0; i < 100 && !output.ToString().Contains("Ctrl+C", StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }

        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var text = output.ToString();

        foreach (var appId in new[] { "42", "43" })
        {
            Assert.Contains($"  app {appId}: user 0 小明  openid {emulator.GetOpenId(appId, 0)}" + Environment.NewLine, text, StringComparison.Ordinal);
            Assert.Contains($"  app {appId}: user 1 Bob  openid {emulator.GetOpenId(appId, 1)}" + Environment.NewLine, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secret-key-4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PortInUse_PrintsOneLineWithTheUrlsHintAndExits2()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorTool.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains($"（无法在 http://127.0.0.1:{port} 上监听：端口 {port} 已被占用：别的程序或另一个模拟器正在使用它。请用 --urls http://127.0.0.1:PORT 换一个端口", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfiguredAppAndFault_ServesThemUntilStopped()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var run = EmulatorTool.RunAsync(
            ["--port", "0", "--app", "42:k42", "--fault", "kind=ServerError,endpoint=/oauth2.0/me,statusCode=503"],
            TextWriter.Synchronized(output),
            TextWriter.Null,
            stop.Token);
        var address = await WaitForAddressAsync(output, run);
        using var http = new HttpClient { BaseAddress = address };

        using var me = await http.GetAsync(new Uri("oauth2.0/me?access_token=x", UriKind.Relative));
        var token = await http.GetStringAsync(new Uri("oauth2.0/token?grant_type=authorization_code&client_id=42&client_secret=wrong", UriKind.Relative));
        stop.Cancel();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, me.StatusCode);
        Assert.Equal("callback( {\"error\":100009,\"error_description\":\"client secret is illegal\"} );\n", token);
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task<Uri> WaitForAddressAsync(StringWriter output, Task<int> run)
    {
        const string marker = "listening on ";
        for (var i = 0; i < 200; i++)
        {
            var text = output.ToString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = text.IndexOf('\n', at);
                if (end > 0)
                {
                    return new Uri(text[(at + marker.Length)..end].Trim());
                }
            }

            Assert.False(run.IsCompleted, "the tool exited: " + text);
            await Task.Delay(50);
        }

        throw new TimeoutException("the tool did not start: " + output);
    }
}
