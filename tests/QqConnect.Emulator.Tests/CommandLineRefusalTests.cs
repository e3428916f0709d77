using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using QqConnect.Client.Testing;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Tests;

/// <summary>
/// Arguments and configuration files the tool refuses: one line on stderr, exit code 2, no stack trace and no words
/// only a .NET developer would read.
/// </summary>
public sealed partial class CommandLineRefusalTests
{
    /// <summary>What a message for someone who does not read .NET must not contain.</summary>
    private static readonly string[] DotNetWords =
    [
        "System.", "Nullable", "`1", ".NET", "Parameter '", "EmulatorConfig", "LineNumber", "BytePosition", "Exception",
        "   at ", "$.", "could not be mapped",
    ];

    public static TheoryData<string[], string> RefusedArguments() => new()
    {
        { ["--config", ""], "--config needs a file name, got an empty one. （--config 需要一个文件名，收到的是空的。）" },
        { ["--config", "/dev/zero"], "--config: '/dev/zero' is larger than 1 MiB; a configuration file must be at most 1 MiB. （--config：'/dev/zero' 超过 1 MiB；配置文件最多 1 MiB。）" },
        { ["--urls", "http://[::ffff:127.0.0.1]:0"], "--urls does not take an IPv4-mapped IPv6 address ('[::ffff:127.0.0.1]'); write the IPv4 address itself. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （--urls 不接受映射 IPv4 的 IPv6 地址 '[::ffff:127.0.0.1]'；请直接写 IPv4 地址。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { ["--urls", "http://127.0.0.1:0/qq"], "--urls takes only scheme, host and port (no user, path, query or fragment), got 'http://127.0.0.1:0/qq'. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （--urls 只接受协议、主机和端口，不要用户名、路径、查询串或片段；收到的是 'http://127.0.0.1:0/qq'。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { ["--urls", "http://127.0.0.1:0?x=1"], "--urls takes only scheme, host and port (no user, path, query or fragment), got 'http://127.0.0.1:0?x=1'. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （--urls 只接受协议、主机和端口，不要用户名、路径、查询串或片段；收到的是 'http://127.0.0.1:0?x=1'。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { ["--urls", "http://192.168.1.2:0"], "--urls: the emulator binds only to loopback addresses (127.0.0.1, localhost, [::1]), not '192.168.1.2'. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （--urls：模拟器只绑定回环地址 127.0.0.1、localhost、[::1]，不绑定 '192.168.1.2'。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { ["--urls", "http://127.0.0.1:0;http://[::1]:0"], "--urls takes one address (the emulator listens on one), got 'http://127.0.0.1:0;http://[::1]:0'. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （--urls 只接受一个地址，模拟器只监听一个；收到的是 'http://127.0.0.1:0;http://[::1]:0'。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { ["--code-lifetime", "0"], "--code-lifetime must be a positive number of seconds (at most 2147483647), got 0. （--code-lifetime 必须是正的秒数，最多 2147483647，收到的是 0。）" },
        { ["--access-token-lifetime", "-1"], "--access-token-lifetime must be a positive number of seconds (at most 2147483647), got -1. （--access-token-lifetime 必须是正的秒数，最多 2147483647，收到的是 -1。）" },
        { ["--refresh-token-lifetime", "2147483648"], "--refresh-token-lifetime must be a positive number of seconds (at most 2147483647), got 2147483648. （--refresh-token-lifetime 必须是正的秒数，最多 2147483647，收到的是 2147483648。）" },
        { ["--code-lifetime", "10m"], "--code-lifetime needs a whole number of seconds, got '10m'. （--code-lifetime 需要整数秒数，收到的是 '10m'。）" },
        { ["--app", "a:b:"], "--app 'a:b:': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':'). （--app 'a:b:'：最后一个 ':' 后面的回调域名是空的；至少给一个，例如 localhost,127.0.0.1，或去掉最后一个 ':'。）" },
        { ["--app", " :b"], "--app needs ID:KEY or ID:KEY:DOMAIN,DOMAIN, got ' :b'. （--app 需要 ID:KEY 或 ID:KEY:DOMAIN,DOMAIN，收到的是 ' :b'。）" },
        { ["--app", "1:a", "--app", "1:b"], "--app: the app id '1' is given twice; each app needs its own id. （--app：应用 ID '1' 出现了两次；每个应用需要自己的 ID。）" },
        { ["--user", "a:"], "--user 'a:': the nickname after ':' is empty; --user needs KEY:NICKNAME. （--user 'a:'：':' 后面的昵称是空的；--user 需要 KEY:NICKNAME。）" },
        { ["--user", " :A"], "--user needs KEY:NICKNAME, got ' :A'. （--user 需要 KEY:NICKNAME，收到的是 ' :A'。）" },
        { ["--user", "a:A", "--user", "a:B"], "--user: the key 'a' is given twice; each user needs its own key (the OpenIDs derive from it). （--user：键 'a' 出现了两次；每个用户需要自己的键，OpenID 由它派生。）" },
        { ["--fault", "kind=ServerError,statusCode=99999"], "--fault: statusCode must be an HTTP answer status from 200 to 599, got 99999. （--fault：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 99999。）" },
        { ["--fault", "kind=CustomBody,statusCode=99"], "--fault: statusCode must be an HTTP answer status from 200 to 599, got 99. （--fault：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 99。）" },
        { ["--fault", "kind=CustomBody,statusCode=100"], "--fault: statusCode must be an HTTP answer status from 200 to 599, got 100. （--fault：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 100。）" },
        { ["--fault", "kind=Latency,endpoint=oauth2.0/token"], "--fault: endpoint 'oauth2.0/token' is not a path the emulator serves, so the fault would never strike; use /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / or /qlogo/... (or leave endpoint out for every path). （--fault：endpoint 'oauth2.0/token' 不是模拟器提供的路径，这个故障永远不会触发；请用 /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / 或 /qlogo/...；不写 endpoint 则对所有路径生效。）" },
        { ["--fault", "kind=Latency,endpoint="], "--fault: endpoint '' is not a path the emulator serves, so the fault would never strike; use /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / or /qlogo/... (or leave endpoint out for every path). （--fault：endpoint '' 不是模拟器提供的路径，这个故障永远不会触发；请用 /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / 或 /qlogo/...；不写 endpoint 则对所有路径生效。）" },
        { ["--fault", "kind=Latency,KIND=SlowBody"], "--fault: KIND is given twice in 'kind=Latency,KIND=SlowBody'; give each key once (a second fault is a second --fault). （--fault：KIND 在 'kind=Latency,KIND=SlowBody' 中出现了两次；每个键只写一次；第二个故障请用第二个 --fault。）" },
        { ["--fault", "kind=1"], "--fault: kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody, got '1'. （--fault：kind 必须是 Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody 之一，收到的是 '1'。）" },
        { ["--fault", "kind=Latency,phase=1"], "--fault: phase must be one of BeforeProcessing, AfterProcessing, got '1'. （--fault：phase 必须是 BeforeProcessing, AfterProcessing 之一，收到的是 '1'。）" },
        { ["--port"], "--port needs a value. Try --help. （--port 需要一个值。请看 --help。）" },
        { ["--verbose"], "Unknown argument '--verbose'. Try --help. （未知参数 '--verbose'。请看 --help。）" },
        { ["--port=5380"], "Unknown argument '--port=5380'; write '--port 5380', with a space instead of '='. Try --help. （未知参数 '--port=5380'；请写成 '--port 5380'，用空格代替 '='。请看 --help。）" },
        { ["--fault=kind=Latency"], "Unknown argument '--fault=kind=Latency'; write '--fault kind=Latency', with a space instead of '='. Try --help. （未知参数 '--fault=kind=Latency'；请写成 '--fault kind=Latency'，用空格代替 '='。请看 --help。）" },
    };

    public static TheoryData<string, string> RefusedConfigFiles() => new()
    {
        { """{ "apps": [] }""", "c.json: apps is empty; list at least one app (or leave apps out for the default apps): without one every login fails with 100010. （c.json：apps 是空的；至少列出一个应用，或不写 apps 使用默认应用：没有应用，每次登录都会以 100010 失败。）" },
        { """{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": [] } ] }""", "c.json: apps[0].callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1). （c.json: apps[0].callbackDomains 是空的；至少列出一个域名，例如 \"localhost\"；不写它则使用 localhost 和 127.0.0.1。）" },
        { """{ "apps": [ { "appId": "1", "appKey": "a" }, { "appId": "1", "appKey": "b" } ] }""", "c.json: apps[1].appId '1' is given twice; each app needs its own id. （c.json：apps[1].appId '1' 出现了两次；每个应用需要自己的 ID。）" },
        { """{ "apps": [ null ] }""", "c.json: apps[0] is null; each entry must be an object { ... } (remove the null). （c.json：apps[0] 是 null；每一项都必须是对象 { ... }，请删掉这个 null。）" },
        { """{ "users": [ { "key": "a", "nickname": "A" }, null ] }""", "c.json: users[1] is null; each entry must be an object { ... } (remove the null). （c.json：users[1] 是 null；每一项都必须是对象 { ... }，请删掉这个 null。）" },
        { """{ "faults": [ null ] }""", "c.json: faults[0] is null; each entry must be an object { ... } (remove the null). （c.json：faults[0] 是 null；每一项都必须是对象 { ... }，请删掉这个 null。）" },
        { """{ "users": [ { "key": "a", "nickname": "A" }, { "key": "a", "nickname": "B" } ] }""", "c.json: users[1].key 'a' is given twice; each user needs its own key (the OpenIDs derive from it). （c.json：users[1].key 'a' 出现了两次；每个用户需要自己的键，OpenID 由它派生。）" },
        { """{ "users": [ { "key": "a", "nickname": " " } ] }""", "c.json: users[0].nickname is required (a non-empty string). （c.json: users[0].nickname 是必填项，须为非空字符串。）" },
        { """{ "codeLifetimeSeconds": 0 }""", "c.json: codeLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 0. （c.json: codeLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 0。）" },
        { """{ "codeLifetimeSeconds": 99999999999 }""", "c.json: codeLifetimeSeconds must be a positive number of seconds (at most 2147483647), got 99999999999. （c.json: codeLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 99999999999。）" },
        { """{ "accessTokenLifetimeSeconds": -1 }""", "c.json: accessTokenLifetimeSeconds must be a positive number of seconds (at most 2147483647), got -1. （c.json: accessTokenLifetimeSeconds 必须是正的秒数，最多 2147483647，收到的是 -1。）" },
        { """{ "faults": [ { "kind": "ServerError", "statusCode": 99999 } ] }""", "c.json: faults[0]: statusCode must be an HTTP answer status from 200 to 599, got 99999. （c.json: faults[0]：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 99999。）" },
        { """{ "faults": [ { "kind": "ServerError", "statusCode": null, "count": "2" } ] }""", "c.json: line 1, column 72: faults[0].count must be a whole number. （c.json：第 1 行第 72 列：faults[0].count 必须是整数。）" },
        { "{\n  \"apps\": [\n    { \"appId\": \"1\", \"appKey\": \"k\", \"callbackDomain\": \"x\" }\n  ]\n}", "c.json: line 3, column 53: unknown key 'apps[0].callbackDomain'; the keys here are appId, appKey, callbackDomains, name, unionIdGranted, developerId. （c.json：第 3 行第 53 列：未知的键 'apps[0].callbackDomain'；这里可用的键是 appId, appKey, callbackDomains, name, unionIdGranted, developerId。）" },
        { "{\n\n  \"urls\": 5380 }", "c.json: line 3, column 15: urls must be a string. （c.json：第 3 行第 15 列：urls 必须是字符串。）" },
        { """{ "faults": [ { "kind": "Latency", "endpoint": "/oauth2.0/tokne" } ] }""", "c.json: faults[0]: endpoint '/oauth2.0/tokne' is not a path the emulator serves, so the fault would never strike; use /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / or /qlogo/... (or leave endpoint out for every path). （c.json: faults[0]：endpoint '/oauth2.0/tokne' 不是模拟器提供的路径，这个故障永远不会触发；请用 /oauth2.0/authorize, /oauth2.0/token, /oauth2.0/me, /user/get_user_info, / 或 /qlogo/...；不写 endpoint 则对所有路径生效。）" },
        { """{ "faults": [ { "kind": "Latency", "phase": 3 } ] }""", "c.json: line 1, column 46: faults[0].phase must be one of BeforeProcessing, AfterProcessing. （c.json：第 1 行第 46 列：faults[0].phase 必须是 BeforeProcessing, AfterProcessing 之一。）" },
        { """{ "faults": [ { "kind": 0 } ] }""", "c.json: line 1, column 26: faults[0].kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody. （c.json：第 1 行第 26 列：faults[0].kind 必须是 Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody 之一。）" },
        { """{ "faults": [ { "kind": "1" } ] }""", "c.json: line 1, column 28: faults[0].kind must be one of Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody. （c.json：第 1 行第 28 列：faults[0].kind 必须是 Latency, ServerError, DropConnection, SlowBody, OversizedBody, CustomBody 之一。）" },
        { """{ "users": [ { "key": "a", "nickname": "A", "largeQqAvatar": 2 } ] }""", "c.json: line 1, column 63: users[0].largeQqAvatar must be one of Present, Empty, Missing. （c.json：第 1 行第 63 列：users[0].largeQqAvatar 必须是 Present, Empty, Missing 之一。）" },
        { """{ "requireState": false, "requireState": true }""", "c.json: line 1, column 26: key 'requireState' is given twice; give each key once. （c.json：第 1 行第 26 列：键 'requireState' 出现了两次；每个键只写一次。）" },
        { "{\n  \"users\": [\n    { \"key\": \"a\", \"nickname\": \"A\" },\n    { \"key\": \"b\", \"nickname\": \"B\", \"Nickname\": \"C\" }\n  ]\n}", "c.json: line 4, column 36: key 'users[1].Nickname' is given twice; give each key once. （c.json：第 4 行第 36 列：键 'users[1].Nickname' 出现了两次；每个键只写一次。）" },
        { """{ "apps": [ { "appId": "1", "appKey": "k", "callbackDomains": ["a", "b"] } ], "faults": [ {}, { "kind": "Latency", "kind": "SlowBody" } ] }""", "c.json: line 1, column 116: key 'faults[1].kind' is given twice; give each key once. （c.json：第 1 行第 116 列：键 'faults[1].kind' 出现了两次；每个键只写一次。）" },
        { """{ "urls": "http://0.0.0.0:0" }""", "c.json: urls: the emulator binds only to loopback addresses (127.0.0.1, localhost, [::1]), not '0.0.0.0'. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （c.json: urls：模拟器只绑定回环地址 127.0.0.1、localhost、[::1]，不绑定 '0.0.0.0'。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
        { """{ "urls": "http://[::ffff:127.0.0.1]:0" }""", "c.json: urls does not take an IPv4-mapped IPv6 address ('[::ffff:127.0.0.1]'); write the IPv4 address itself. Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port). （c.json: urls 不接受映射 IPv4 的 IPv6 地址 '[::ffff:127.0.0.1]'；请直接写 IPv4 地址。用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。）" },
    };

    [Theory]
    [MemberData(nameof(RefusedArguments))]
    public async Task Run_RefusedArgument_PrintsThePlainLineAndExits2(string[] args, string expected)
    {
        var (exit, stdout, stderr) = await RunInProcessAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(expected + Environment.NewLine, stderr);
        AssertPlain(stderr);
    }

    [Theory]
    [MemberData(nameof(RefusedConfigFiles))]
    public async Task Run_RefusedConfigFile_PrintsThePlainLineNamingTheKeyAndExits2(string json, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("qqconnect-emulator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "c.json");
            await File.WriteAllTextAsync(path, json);

            var (exit, stdout, stderr) = await RunInProcessAsync(["--config", path]);

            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Equal(expected.Replace("c.json", path, StringComparison.Ordinal) + Environment.NewLine, stderr);
            AssertPlain(stderr);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_ConfigIsADirectoryOrMissing_SaysWhich()
    {
        var directory = Directory.CreateTempSubdirectory("qqconnect-emulator-config-");
        try
        {
            var missing = Path.Combine(directory.FullName, "emulator.json");

            var (dirExit, _, dirError) = await RunInProcessAsync(["--config", directory.FullName]);
            var (missingExit, _, missingError) = await RunInProcessAsync(["--config", missing]);

            Assert.Equal((2, 2), (dirExit, missingExit));
            Assert.Equal($"--config: '{directory.FullName}' is a directory, not a JSON file. （--config：'{directory.FullName}' 是目录，不是 JSON 文件。）" + Environment.NewLine, dirError);
            Assert.Equal($"--config: there is no file '{missing}'. （--config：文件 '{missing}' 不存在。）" + Environment.NewLine, missingError);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(RefusedArguments))]
    public async Task Run_RefusedArgument_PrintsEnglishThenChineseOnOneLine(string[] args, string expected)
    {
        _ = expected;

        var (_, _, stderr) = await RunInProcessAsync(args);

        AssertBilingual(stderr);
    }

    [Theory]
    [MemberData(nameof(RefusedConfigFiles))]
    public void Parse_RefusedConfigFile_SaysItInEnglishThenChinese(string json, string expected)
    {
        _ = expected;

        var error = Assert.Throws<UsageException>(() => EmulatorCommandLine.Parse(["--config", "c.json"], _ => json));

        AssertBilingual(error.Message + Environment.NewLine);
        Assert.Equal(UsageException.Line(error.English, error.Chinese), error.Message);
    }

    [Fact]
    public void UsageException_HasNoConstructorWithoutTheChineseText()
    {
        var constructors = typeof(UsageException).GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);

        var constructor = Assert.Single(constructors);
        Assert.Equal(
            [typeof(string), typeof(string), typeof(Exception)],
            constructor.GetParameters().Select(parameter => parameter.ParameterType));
    }

    [Fact]
    public async Task Run_ArgumentWithALineBreak_StillPrintsOneLine()
    {
        var (exit, _, stderr) = await RunInProcessAsync(["--user", "a\nFAKE LINE\u001b[2J"]);

        Assert.Equal(2, exit);
        Assert.Equal("--user needs KEY:NICKNAME, got 'a\\nFAKE LINE\\u001B[2J'. （--user 需要 KEY:NICKNAME，收到的是 'a\\nFAKE LINE\\u001B[2J'。）" + Environment.NewLine, stderr);
    }

    [Fact]
    public async Task Run_UnknownConfigKeyWithALineBreak_StillPrintsOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("qqconnect-emulator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "c.json");
            await File.WriteAllTextAsync(path, """{ "a\nb": 1 }""");

            var (exit, _, stderr) = await RunInProcessAsync(["--config", path]);

            Assert.Equal(2, exit);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"{path}: line 1, column ", stderr, StringComparison.Ordinal);
            Assert.Contains("unknown key 'a\\nb'", stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/oauth2.0/token")]
    [InlineData("/OAuth2.0/Me")]
    [InlineData("/user/get_user_info")]
    [InlineData("/qlogo/qq/100000001/ABC/100")]
    [InlineData("/")]
    public void Parse_FaultOnAPathTheEmulatorServes_IsTaken(string endpoint)
    {
        var settings = EmulatorCommandLine.Parse(["--fault", "kind=Latency,endpoint=" + endpoint]);

        Assert.Equal(endpoint, Assert.Single(settings.Faults).Endpoint);
    }

    [Fact]
    public void Parse_EnumNamesInAnyCase_AreTaken()
    {
        var settings = EmulatorCommandLine.Parse(
            ["--config", "c.json", "--fault", "kind=customBODY,phase=afterprocessing"],
            _ => """{ "users": [ { "key": "a", "nickname": "A", "largeQqAvatar": "missing" } ], "faults": [ { "kind": "slowbody", "phase": "AFTERPROCESSING" } ] }""");

        Assert.Equal(EmulatorAvatarPresence.Missing, Assert.Single(settings.EmulatorOptions.Users).LargeQqAvatar);
        Assert.Equal(
            [(EmulatorFaultKind.SlowBody, EmulatorFaultPhase.AfterProcessing), (EmulatorFaultKind.CustomBody, EmulatorFaultPhase.AfterProcessing)],
            settings.Faults.Select(fault => (fault.Kind, fault.Phase)));
    }

    [Fact]
    public void Parse_SameKeyInDifferentObjects_IsNotADuplicate()
    {
        var settings = EmulatorCommandLine.Parse(
            ["--config", "c.json"],
            _ => """{ "users": [ { "key": "a", "nickname": "A" }, { "key": "b", "nickname": "B" } ], "faults": [ { "kind": "Latency" }, { "kind": "SlowBody" } ] }""");

        Assert.Equal(["a", "b"], settings.EmulatorOptions.Users.Select(user => user.Key));
        Assert.Equal([EmulatorFaultKind.Latency, EmulatorFaultKind.SlowBody], settings.Faults.Select(fault => fault.Kind));
    }

    [Fact]
    public void Parse_LifetimeArguments_SetTheLifetimesAndWinOverTheConfigFile()
    {
        var settings = EmulatorCommandLine.Parse(
            ["--code-lifetime", "5", "--config", "c.json", "--access-token-lifetime", "60", "--refresh-token-lifetime", "2147483647"],
            _ => """{ "codeLifetimeSeconds": 600, "accessTokenLifetimeSeconds": 7200 }""");
        var options = settings.EmulatorOptions;

        Assert.Equal(TimeSpan.FromSeconds(5), options.CodeLifetime);
        Assert.Equal(TimeSpan.FromSeconds(60), options.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), options.RefreshTokenLifetime);
    }

    [Fact]
    public async Task Parse_ConfigFromAPipe_IsReadThoughItsLengthIsZero()
    {
        var fifo = MakeFifo();
        try
        {
            var writer = Task.Run(() => File.WriteAllText(fifo, """{ "urls": "http://127.0.0.1:6003", "codeLifetimeSeconds": 30 }"""));

            var settings = await Task.Run(() => EmulatorCommandLine.Parse(["--config", fifo])).WaitAsync(TimeSpan.FromSeconds(30));
            await writer.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(6003, settings.Port);
            Assert.Equal(TimeSpan.FromSeconds(30), settings.EmulatorOptions.CodeLifetime);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public async Task Parse_PipeWithMoreThanOneMebibyte_IsRefusedAfterReadingOneMebibyteAndOneByte()
    {
        var fifo = MakeFifo();
        long written = 0;
        try
        {
            var writer = Task.Run(() =>
            {
                var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                try
                {
                    using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    for (var i = 0; i < 64; i++)
                    {
                        stream.Write(chunk);
                        stream.Flush();
                        Interlocked.Add(ref written, chunk.Length);
                    }
                }
                catch (IOException)
                {
                    // The reader stopped and closed the pipe: what is being tested.
                }
            });

            var error = await Assert.ThrowsAsync<UsageException>(() => Task.Run(() => EmulatorCommandLine.Parse(["--config", fifo])).WaitAsync(TimeSpan.FromSeconds(30)));
            await writer.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"--config: '{fifo}' is larger than 1 MiB; a configuration file must be at most 1 MiB. （--config：'{fifo}' 超过 1 MiB；配置文件最多 1 MiB。）", error.Message);
            Assert.True(Interlocked.Read(ref written) < 4L * 1024 * 1024, $"the writer got {written} bytes in: the reader did not stop at the limit");
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void Usage_EveryOptionItListsIsTakenAndDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "emulator.md"));
        var options = UsageOption().Matches(EmulatorCommandLine.Usage).ToList();
        Assert.True(options.Count >= 12, "the usage text lists its options: " + options.Count);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{}");
            foreach (var option in options)
            {
                var name = option.Groups["name"].Value;
                string[] args = option.Groups["value"].Value switch
                {
                    "" => [name],
                    "URL" => [name, "http://127.0.0.1:0"],
                    "N" => [name, "0"],
                    "S" => [name, "60"],
                    "FILE" => [name, file],
                    "ID:KEY[:DOMAINS]" => [name, "1:k:localhost"],
                    "KEY:NICKNAME" => [name, "a:A"],
                    "SPEC" => [name, "kind=Latency,delayMs=1"],
                    var other => throw new Xunit.Sdk.XunitException($"{name} {other}: no sample value for this placeholder in the test"),
                };

                var exception = Record.Exception(() => EmulatorCommandLine.Parse(args));
                Assert.True(exception is null, $"{string.Join(' ', args)} is in --help but refused: {exception?.Message}");
                Assert.Contains($"`{name}", docs, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// One line (the writer's line end only): the English text, then the Chinese text in full-width parentheses; the
    /// English part is not left without Chinese words, and the Chinese part has them.
    /// </summary>
    private static void AssertBilingual(string stderr)
    {
        Assert.EndsWith(Environment.NewLine, stderr, StringComparison.Ordinal);
        var line = stderr[..^Environment.NewLine.Length];
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.EndsWith("）", line, StringComparison.Ordinal);
        var open = line.IndexOf(" （", StringComparison.Ordinal);
        Assert.True(open > 0, "no Chinese text in full-width parentheses after the English: " + line);
        var english = line[..open];
        var chinese = line[(open + 2)..^1];
        Assert.Matches(Cjk(), chinese);
        Assert.DoesNotMatch(Cjk(), english);
        Assert.NotEqual(english, chinese);
        AssertPlain(stderr);
    }

    private static void AssertPlain(string message)
    {
        Assert.Single(message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var word in DotNetWords)
        {
            Assert.DoesNotContain(word, message, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"line 0\b|column 0\b", message);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunInProcessAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var exit = await EmulatorTool.RunAsync(args, output, error, stop.Token);

        Assert.False(stop.IsCancellationRequested, "the tool started instead of refusing: " + output);
        return (exit, output.ToString(), error.ToString());
    }

    private static string MakeFifo()
    {
        var path = Path.Combine(Path.GetTempPath(), "qqconnect-emulator-fifo-" + Guid.NewGuid().ToString("N"));
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "emulator.md")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("docs/emulator.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF]", RegexOptions.CultureInvariant)]
    private static partial Regex Cjk();

    [GeneratedRegex(@"^\s+(?<name>--[a-z-]+)(?: (?<value>[A-Z][A-Z:\[\]]*))?\s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UsageOption();
}
