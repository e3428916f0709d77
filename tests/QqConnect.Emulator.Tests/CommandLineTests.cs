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

        Assert.Equal("--config needs a file name, got an empty one.", error.Message);
    }

    [Fact]
    public void Parse_ConfigIsADirectory_SaysItIsADirectory()
    {
        var directory = Path.GetTempPath();

        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", directory]));

        Assert.Equal($"--config: '{directory}' is a directory, not a JSON file.", error.Message);
    }

    [Fact]
    public void Parse_ConfigFileMissing_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), "qqconnect-emulator-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", path]));

        Assert.Equal($"--config: there is no file '{path}'.", error.Message);
    }

    [Fact]
    public void Parse_ConfigFileWithoutEnd_StopsAtOneMebibyte()
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "/dev/zero"]));

        Assert.Equal("--config: '/dev/zero' is larger than 1 MiB; a configuration file must be at most 1 MiB.", error.Message);
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
    [InlineData("--app", "a:b:", "--app 'a:b:': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':').")]
    [InlineData("--app", "a:b: , ", "--app 'a:b: , ': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':').")]
    [InlineData("--user", "a:", "--user 'a:': the nickname after ':' is empty; --user needs KEY:NICKNAME.")]
    [InlineData("--fault", "kind=ServerError,statusCode=99", "--fault: statusCode must be an HTTP answer status from 200 to 599, got 99.")]
    [InlineData("--fault", "kind=CustomBody,statusCode=600", "--fault: statusCode must be an HTTP answer status from 200 to 599, got 600.")]
    public void Parse_ValueThatBreaksEveryLogin_FailsWithOneLineNamingTheOption(string name, string value, string expected)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse([name, value]));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_SameUserKeyTwice_FailsNamingTheKey()
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--user", "a:A", "--user", "a:B"]));

        Assert.Equal("--user: the key 'a' is given twice; each user needs its own key (the OpenIDs derive from it).", error.Message);
    }

    [Theory]
    [InlineData("""{ "codeLifetimeSeconds": 0 }""", "c.json: codeLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 0.")]
    [InlineData("""{ "accessTokenLifetimeSeconds": -5 }""", "c.json: accessTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got -5.")]
    [InlineData("""{ "refreshTokenLifetimeSeconds": 9999999999999 }""", "c.json: refreshTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 9999999999999.")]
    [InlineData("""{ "refreshTokenLifetimeSeconds": 0 }""", "c.json: refreshTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 0.")]
    [InlineData("""{ "apps": [] }""", "c.json: apps is empty; list at least one app (or leave apps out for the default apps): without one every login fails with 100010.")]
    [InlineData("""{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": [] } ] }""", "c.json: apps[0].callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1).")]
    [InlineData("""{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": [" "] } ] }""", "c.json: apps[0].callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1).")]
    [InlineData("""{ "users": [ { "key": "a", "nickname": "A" }, { "key": "a", "nickname": "B" } ] }""", "c.json: users[1].key 'a' is given twice; each user needs its own key (the OpenIDs derive from it).")]
    [InlineData("""{ "users": [ { "key": "a", "nickname": "" } ] }""", "c.json: users[0].nickname is required (a non-empty string).")]
    [InlineData("""{ "users": [] }""", "c.json: users is empty; list at least one user (or leave users out for the default users).")]
    [InlineData("""{ "faults": [ { "kind": "ServerError", "statusCode": 1000 } ] }""", "c.json: faults[0]: statusCode must be an HTTP answer status from 200 to 599, got 1000.")]
    public void Parse_ConfigValueThatBreaksEveryLogin_FailsWithOneLineNamingTheKey(string json, string expected)
    {
        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "c.json"], _ => json));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("""{ "omitRefreshTokens": true }""", "c.json: line 1, column 23: unknown key 'omitRefreshTokens'; the keys here are urls, apps, users, omitRefreshToken, legacyCallbackErrors, requireState, denyErrorCode, denyErrorDescription, codeLifetimeSeconds, accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, faults.")]
    [InlineData("""{ "codeLifetimeSeconds": "600" }""", "c.json: line 1, column 31: codeLifetimeSeconds must be a whole number.")]
    [InlineData("""{ "codeLifetimeSeconds": null, "requireState": 1 }""", "c.json: line 1, column 49: requireState must be true or false.")]
    [InlineData("{\n  \"faults\": [ { \"kind\": \"Explode\" } ]\n}", "c.json: line 2, column 34: faults[0].kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody.")]
    [InlineData("""{ "apps": [ { "appId": 1 } ] }""", "c.json: line 1, column 25: apps[0].appId must be a string.")]
    [InlineData("""{ "apps": { } }""", "c.json: line 1, column 12: apps must be a list [ ... ].")]
    [InlineData("[]", "c.json: line 1, column 2: the configuration must be an object { ... }.")]
    [InlineData("not json", "c.json: line 1, column 2: not valid JSON (look for a missing quote, comma or bracket).")]
    [InlineData("{ \"urls\": \"x\",\n\n  oops }", "c.json: line 3, column 3: not valid JSON (look for a missing quote, comma or bracket).")]
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
        Assert.Equal("--app: the app id '1' is given twice; each app needs its own id." + Environment.NewLine, error.ToString());
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
