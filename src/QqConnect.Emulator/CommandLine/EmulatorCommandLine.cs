using System.Globalization;
using System.Net;
using System.Text.Json;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>Reads the tool's arguments and its optional JSON configuration file into <see cref="EmulatorToolSettings"/>.</summary>
internal static class EmulatorCommandLine
{
    public const string Usage = """
        qqconnect-emulator [options]
          --urls URL                 where to listen: one http://HOST:PORT, HOST 127.0.0.1, localhost or [::1]
                                     (no path, no second address), default http://127.0.0.1:5380
          --port N                   the port on 127.0.0.1 (0 = any free port)
          --config FILE              a JSON file of at most 1 MiB: apps, users, behaviour and faults (see docs/emulator.md)
          --app ID:KEY[:DOMAINS]     an app (repeatable; replaces the default apps); DOMAINS comma-separated,
                                     default localhost,127.0.0.1; each ID once
          --user KEY:NICKNAME        a fake user (repeatable; replaces the default users); each KEY once
          --code-lifetime S          authorization code lifetime in seconds (default 600)
          --access-token-lifetime S  access token lifetime in seconds, sent as expires_in (default 7776000)
          --refresh-token-lifetime S how long a login's refresh tokens last, in seconds (default 15552000)
          --omit-refresh-token       token answers without refresh_token (as older QQ answers)
          --legacy-callback-errors   error callbacks with code= and msg= instead of error= and error_description=
          --allow-missing-state      do not refuse an authorize request without state
          --fault SPEC               inject a fault at start-up (repeatable), SPEC = key=value pairs separated by
                                     commas: kind=Latency|ServerError|DropConnection|SlowBody|OversizedBody|CustomBody,
                                     endpoint=/oauth2.0/token, phase=BeforeProcessing|AfterProcessing,
                                     count=N (0 = every request), delayMs=N, statusCode=N (200-599), chunkSize=N,
                                     paddingBytes=N
          --control                  serve the control API (JSON, loopback only) under /_emulator/: users, faults,
                                     counters, reset, last requests (see docs/emulator.md)
          --version                  the tool's version
          --help                     this text
        A local QQ Connect (graph.qq.com) emulator. Binds to loopback only. Ctrl+C stops it.
        本地 QQ 互联（graph.qq.com）模拟器，只绑定回环地址，按 Ctrl+C 停止；中文说明见 docs/emulator.zh-CN.md。
        """;

    private const string UrlsHint = "Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port).";

    private const string UrlsHintZh = "用 --urls http://127.0.0.1:PORT 选一个空闲端口，或用 --port 0 取任意空闲端口。";

    /// <summary>The paths a fault's endpoint may name (besides the avatars under <c>/qlogo/</c>).</summary>
    private static readonly string[] ServedPaths = ["/oauth2.0/authorize", "/oauth2.0/token", "/oauth2.0/me", "/user/get_user_info", "/"];

    /// <summary>Why a user key may be given once, in English and Chinese.</summary>
    private static readonly (string English, string Chinese) UserKeyWhy =
        ("each user needs its own key (the OpenIDs derive from it)", "每个用户需要自己的键，OpenID 由它派生");

    /// <summary>Why an app id may be given once, in English and Chinese.</summary>
    private static readonly (string English, string Chinese) AppIdWhy = ("each app needs its own id", "每个应用需要自己的 ID");

    /// <summary>Parses the arguments; a <c>--config</c> file is read first, and the other arguments override it.</summary>
    /// <exception cref="UsageException">A mistake, with a one-line message.</exception>
    public static EmulatorToolSettings Parse(IReadOnlyList<string> args, Func<string, string>? readFile = null)
    {
        readFile ??= EmulatorConfigFile.Read;
        var settings = new EmulatorToolSettings();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--config")
            {
                var path = Value(args, ref i);
                ApplyFile(settings, path, readFile);
            }
        }

        var appsReplaced = false;
        var usersReplaced = false;
        var options = settings.EmulatorOptions;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config":
                    i++;
                    break;
                case "--urls":
                    ApplyUrls(settings, Value(args, ref i), "--urls");
                    break;
                case "--port":
                    settings.Port = ParsePort(Value(args, ref i));
                    break;
                case "--app":
                    if (!appsReplaced)
                    {
                        options.Apps.Clear();
                        appsReplaced = true;
                    }

                    options.Apps.Add(ParseApp(Value(args, ref i)));
                    break;
                case "--user":
                    if (!usersReplaced)
                    {
                        options.Users.Clear();
                        usersReplaced = true;
                    }

                    options.Users.Add(ParseUser(Value(args, ref i)));
                    break;
                case "--code-lifetime":
                    options.CodeLifetime = ParseLifetime(args[i], Value(args, ref i));
                    break;
                case "--access-token-lifetime":
                    options.AccessTokenLifetime = ParseLifetime(args[i], Value(args, ref i));
                    break;
                case "--refresh-token-lifetime":
                    options.RefreshTokenLifetime = ParseLifetime(args[i], Value(args, ref i));
                    break;
                case "--omit-refresh-token":
                    options.OmitRefreshToken = true;
                    break;
                case "--legacy-callback-errors":
                    options.UseLegacyCallbackErrors = true;
                    break;
                case "--allow-missing-state":
                    options.RequireState = false;
                    break;
                case "--fault":
                    settings.Faults.Add(ParseFault(Value(args, ref i)));
                    break;
                case "--control":
                    settings.Control = true;
                    break;
                case "--help" or "-h" or "-?":
                    settings.ShowHelp = true;
                    break;
                case "--version":
                    settings.ShowVersion = true;
                    break;
                case var joined when joined.StartsWith("--", StringComparison.Ordinal) && joined.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals:
                    throw new UsageException(
                        $"Unknown argument '{joined}'; write '{joined[..equals]} {joined[(equals + 1)..]}', with a space instead of '='. Try --help.",
                        $"未知参数 '{joined}'；请写成 '{joined[..equals]} {joined[(equals + 1)..]}'，用空格代替 '='。请看 --help。");
                default:
                    throw new UsageException($"Unknown argument '{args[i]}'. Try --help.", $"未知参数 '{args[i]}'。请看 --help。");
            }
        }

        if (usersReplaced)
        {
            CheckUnique(options.Users, user => user.Key, _ => ("--user: the key", "--user：键"), UserKeyWhy);
        }

        if (appsReplaced)
        {
            CheckUnique(options.Apps, app => app.AppId, _ => ("--app: the app id", "--app：应用 ID"), AppIdWhy);
        }

        return settings;
    }

    private static void CheckUnique<T>(
        System.Collections.ObjectModel.Collection<T> items, Func<T, string> keyOf, Func<int, (string English, string Chinese)> name, (string English, string Chinese) why)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!keys.Add(keyOf(items[i])))
            {
                var (english, chinese) = name(i);
                throw new UsageException($"{english} '{keyOf(items[i])}' is given twice; {why.English}.", $"{chinese} '{keyOf(items[i])}' 出现了两次；{why.Chinese}。");
            }
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new UsageException($"{args[i]} needs a value. Try --help.", $"{args[i]} 需要一个值。请看 --help。");
        }

        return args[++i];
    }

    private static int ParsePort(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new UsageException(
                $"--port needs a number from 0 to {IPEndPoint.MaxPort}, got '{text}'. {UrlsHint}",
                $"--port 需要 0 到 {IPEndPoint.MaxPort} 之间的数字，收到的是 '{text}'。{UrlsHintZh}");
        }

        return port;
    }

    private static TimeSpan ParseLifetime(string name, string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            ? Lifetime(seconds, name)!.Value
            : throw new UsageException($"{name} needs a whole number of seconds, got '{text}'.", $"{name} 需要整数秒数，收到的是 '{text}'。");

    private static void ApplyUrls(EmulatorToolSettings settings, string urls, string name)
    {
        if (urls.Contains(';', StringComparison.Ordinal))
        {
            throw new UsageException(
                $"{name} takes one address (the emulator listens on one), got '{urls}'. {UrlsHint}",
                $"{name} 只接受一个地址，模拟器只监听一个；收到的是 '{urls}'。{UrlsHintZh}");
        }

        if (!Uri.TryCreate(urls, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new UsageException(
                $"{name} needs an http:// URL with a port from 0 to {IPEndPoint.MaxPort}, got '{urls}'. {UrlsHint}",
                $"{name} 需要 http:// 网址，端口在 0 到 {IPEndPoint.MaxPort} 之间，收到的是 '{urls}'。{UrlsHintZh}");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new UsageException(
                $"{name} takes only scheme, host and port (no user, path, query or fragment), got '{urls}'. {UrlsHint}",
                $"{name} 只接受协议、主机和端口，不要用户名、路径、查询串或片段；收到的是 '{urls}'。{UrlsHintZh}");
        }

        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            settings.Address = IPAddress.Loopback;
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) && parsed.IsIPv4MappedToIPv6)
        {
            throw new UsageException(
                $"{name} does not take an IPv4-mapped IPv6 address ('{uri.Host}'); write the IPv4 address itself. {UrlsHint}",
                $"{name} 不接受映射 IPv4 的 IPv6 地址 '{uri.Host}'；请直接写 IPv4 地址。{UrlsHintZh}");
        }
        else if (parsed is not null && IPAddress.IsLoopback(parsed))
        {
            settings.Address = parsed;
        }
        else
        {
            throw new UsageException(
                $"{name}: the emulator binds only to loopback addresses (127.0.0.1, localhost, [::1]), not '{uri.Host}'. {UrlsHint}",
                $"{name}：模拟器只绑定回环地址 127.0.0.1、localhost、[::1]，不绑定 '{uri.Host}'。{UrlsHintZh}");
        }

        settings.Port = uri.Port;
    }

    private static EmulatorApp ParseApp(string spec)
    {
        var parts = spec.Split(':', 3);
        if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
        {
            throw new UsageException($"--app needs ID:KEY or ID:KEY:DOMAIN,DOMAIN, got '{spec}'.", $"--app 需要 ID:KEY 或 ID:KEY:DOMAIN,DOMAIN，收到的是 '{spec}'。");
        }

        var domains = parts.Length == 3
            ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["localhost", "127.0.0.1"];
        if (domains.Length == 0)
        {
            throw new UsageException(
                $"--app '{spec}': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':').",
                $"--app '{spec}'：最后一个 ':' 后面的回调域名是空的；至少给一个，例如 localhost,127.0.0.1，或去掉最后一个 ':'。");
        }

        return new EmulatorApp(parts[0], parts[1], domains) { Name = "App " + parts[0] };
    }

    private static EmulatorUser ParseUser(string spec)
    {
        var parts = spec.Split(':', 2);
        if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]))
        {
            throw new UsageException($"--user needs KEY:NICKNAME, got '{spec}'.", $"--user 需要 KEY:NICKNAME，收到的是 '{spec}'。");
        }

        if (string.IsNullOrWhiteSpace(parts[1]))
        {
            throw new UsageException($"--user '{spec}': the nickname after ':' is empty; --user needs KEY:NICKNAME.", $"--user '{spec}'：':' 后面的昵称是空的；--user 需要 KEY:NICKNAME。");
        }

        return new EmulatorUser(parts[0], parts[1]);
    }

    private static EmulatorFault ParseFault(string spec)
    {
        var config = new EmulatorFaultConfig();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--fault needs key=value pairs, got '{pair}'.", $"--fault 需要 key=value 形式的键值对，收到的是 '{pair}'。");
            }

            var key = pair[..equals];
            var value = pair[(equals + 1)..];
            if (!seen.Add(key))
            {
                throw new UsageException(
                    $"--fault: {key} is given twice in '{spec}'; give each key once (a second fault is a second --fault).",
                    $"--fault：{key} 在 '{spec}' 中出现了两次；每个键只写一次；第二个故障请用第二个 --fault。");
            }

            switch (key.ToUpperInvariant())
            {
                case "KIND":
                    config.Kind = ParseEnum<EmulatorFaultKind>(key, value);
                    break;
                case "ENDPOINT":
                    config.Endpoint = value;
                    break;
                case "PHASE":
                    config.Phase = ParseEnum<EmulatorFaultPhase>(key, value);
                    break;
                case "COUNT":
                    config.Count = ParseInt(key, value);
                    break;
                case "DELAYMS":
                    config.DelayMs = ParseInt(key, value);
                    break;
                case "STATUSCODE":
                    config.StatusCode = ParseInt(key, value);
                    break;
                case "CHUNKSIZE":
                    config.ChunkSize = ParseInt(key, value);
                    break;
                case "PADDINGBYTES":
                    config.PaddingBytes = ParseInt(key, value);
                    break;
                default:
                    throw new UsageException(
                        $"--fault: unknown key '{key}'. Try --help (a custom body goes in a --config file).",
                        $"--fault：未知的键 '{key}'。请看 --help；自定义响应体请写在 --config 文件里。");
            }
        }

        return ToFault(config, "--fault");
    }

    private static EmulatorFault ToFault(EmulatorFaultConfig config, string where)
    {
        if (config.Kind is null)
        {
            var kinds = string.Join(", ", Enum.GetNames<EmulatorFaultKind>());
            throw new UsageException($"{where}: a fault needs a kind ({kinds}).", $"{where}：故障需要 kind，可选 {kinds}。");
        }

        var fault = config.ToFault();

        if (fault.Count < 1 || fault.ChunkSize < 1 || fault.PaddingBytes < 0 || fault.Delay < TimeSpan.Zero)
        {
            throw new UsageException(
                $"{where}: count, chunkSize, paddingBytes and delayMs must not be negative (chunkSize at least 1).",
                $"{where}：count、chunkSize、paddingBytes 和 delayMs 不能是负数，chunkSize 至少为 1。");
        }

        if (fault.Endpoint is { } endpoint && !IsServedPath(endpoint))
        {
            var paths = string.Join(", ", ServedPaths);
            throw new UsageException(
                $"{where}: endpoint '{endpoint}' is not a path the emulator serves, so the fault would never strike; use {paths} or /qlogo/... (or leave endpoint out for every path).",
                $"{where}：endpoint '{endpoint}' 不是模拟器提供的路径，这个故障永远不会触发；请用 {paths} 或 /qlogo/...；不写 endpoint 则对所有路径生效。");
        }

        if (fault.StatusCode is { } status and (< 200 or > 599))
        {
            throw new UsageException(
                $"{where}: statusCode must be an HTTP answer status from 200 to 599, got {status}.",
                $"{where}：statusCode 必须是 200 到 599 之间的 HTTP 响应状态码，收到的是 {status}。");
        }

        return fault;
    }

    private static bool IsServedPath(string path) =>
        ServedPaths.Contains(path, StringComparer.OrdinalIgnoreCase) || path.StartsWith("/qlogo/", StringComparison.OrdinalIgnoreCase);

    private static T ParseEnum<T>(string key, string value)
        where T : struct, Enum =>
        !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new UsageException(
                $"--fault: {key} must be one of {string.Join(", ", Enum.GetNames<T>())}, got '{value}'.",
                $"--fault：{key} 必须是 {string.Join(", ", Enum.GetNames<T>())} 之一，收到的是 '{value}'。");

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"--fault: {key} needs a whole number, got '{value}'.", $"--fault：{key} 需要一个整数，收到的是 '{value}'。");

    private static void ApplyFile(EmulatorToolSettings settings, string path, Func<string, string> readFile)
    {
        string text;
        try
        {
            text = readFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var reason = OneLine(exception.Message);
            throw new UsageException($"--config: cannot read '{path}': {reason}", $"--config：无法读取 '{path}'：{reason}", exception);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw EmulatorConfigError.NotJson(path, exception);
        }

        if (EmulatorConfigError.DuplicateKey(path, text) is { } duplicate)
        {
            throw duplicate;
        }

        EmulatorConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(text, EmulatorConfigJsonContext.Default.EmulatorConfig);
        }
        catch (JsonException exception)
        {
            throw EmulatorConfigError.WrongShape(path, exception);
        }

        if (config is null)
        {
            throw new UsageException($"{path}: the configuration must be a JSON object.", $"{path}：配置必须是一个 JSON 对象。");
        }

        try
        {
            Apply(settings, config, path);
        }
        catch (ArgumentException exception)
        {
            var reason = EmulatorConfigError.Plain(exception);
            throw new UsageException($"{path}: {reason}", $"{path}：{reason}", exception);
        }
    }

    private static void Apply(EmulatorToolSettings settings, EmulatorConfig config, string path)
    {
        var options = settings.EmulatorOptions;
        if (config.Urls is { } urls)
        {
            ApplyUrls(settings, urls, $"{path}: urls");
        }

        if (config.Apps is { } apps)
        {
            if (apps.Count == 0)
            {
                throw new UsageException(
                    $"{path}: apps is empty; list at least one app (or leave apps out for the default apps): without one every login fails with 100010.",
                    $"{path}：apps 是空的；至少列出一个应用，或不写 apps 使用默认应用：没有应用，每次登录都会以 100010 失败。");
            }

            options.Apps.Clear();
            for (var i = 0; i < apps.Count; i++)
            {
                options.Apps.Add(ToApp(apps[i] ?? throw NullEntry(path, $"apps[{i}]"), $"{path}: apps[{i}]"));
            }

            CheckUnique(options.Apps, app => app.AppId, i => ($"{path}: apps[{i}].appId", $"{path}：apps[{i}].appId"), AppIdWhy);
        }

        if (config.Users is { } users)
        {
            if (users.Count == 0)
            {
                throw new UsageException(
                    $"{path}: users is empty; list at least one user (or leave users out for the default users).",
                    $"{path}：users 是空的；至少列出一个用户，或不写 users 使用默认用户。");
            }

            options.Users.Clear();
            for (var i = 0; i < users.Count; i++)
            {
                options.Users.Add(ToUser(users[i] ?? throw NullEntry(path, $"users[{i}]"), $"{path}: users[{i}]"));
            }

            CheckUnique(options.Users, user => user.Key, i => ($"{path}: users[{i}].key", $"{path}：users[{i}].key"), UserKeyWhy);
        }

        options.OmitRefreshToken = config.OmitRefreshToken ?? options.OmitRefreshToken;
        options.UseLegacyCallbackErrors = config.LegacyCallbackErrors ?? options.UseLegacyCallbackErrors;
        options.RequireState = config.RequireState ?? options.RequireState;
        options.DenyErrorCode = config.DenyErrorCode ?? options.DenyErrorCode;
        options.DenyErrorDescription = config.DenyErrorDescription ?? options.DenyErrorDescription;
        options.CodeLifetime = Lifetime(config.CodeLifetimeSeconds, $"{path}: codeLifetimeSeconds") ?? options.CodeLifetime;
        options.AccessTokenLifetime = Lifetime(config.AccessTokenLifetimeSeconds, $"{path}: accessTokenLifetimeSeconds") ?? options.AccessTokenLifetime;
        options.RefreshTokenLifetime = Lifetime(config.RefreshTokenLifetimeSeconds, $"{path}: refreshTokenLifetimeSeconds") ?? options.RefreshTokenLifetime;
        var faults = config.Faults ?? [];
        for (var i = 0; i < faults.Count; i++)
        {
            settings.Faults.Add(ToFault(faults[i] ?? throw NullEntry(path, $"faults[{i}]"), $"{path}: faults[{i}]"));
        }
    }

    private static TimeSpan? Lifetime(long? seconds, string name) => seconds switch
    {
        null => null,
        <= 0 or > int.MaxValue => throw new UsageException(
            $"{name} must be a positive number of seconds (at most {int.MaxValue}), got {seconds}.",
            $"{name} 必须是正的秒数，最多 {int.MaxValue}，收到的是 {seconds}。"),
        _ => TimeSpan.FromSeconds(seconds.Value),
    };

    private static EmulatorApp ToApp(EmulatorAppConfig app, string where)
    {
        var domains = app.CallbackDomains is { } listed
            ? listed.Where(domain => !string.IsNullOrWhiteSpace(domain)).Select(domain => domain.Trim()).ToList()
            : ["localhost", "127.0.0.1"];
        if (domains.Count == 0)
        {
            throw new UsageException(
                $"{where}.callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1).",
                $"{where}.callbackDomains 是空的；至少列出一个域名，例如 \"localhost\"；不写它则使用 localhost 和 127.0.0.1。");
        }

        return new EmulatorApp(Required(app.AppId, where + ".appId"), Required(app.AppKey, where + ".appKey"), [.. domains])
        {
            Name = app.Name ?? "App " + app.AppId,
            UnionIdGranted = app.UnionIdGranted ?? false,
            DeveloperId = app.DeveloperId ?? "emulator-developer",
        };
    }

    private static EmulatorUser ToUser(EmulatorUserConfig user, string where)
    {
        var defaults = new EmulatorUser("defaults", "");
        return new EmulatorUser(Required(user.Key, where + ".key"), Required(user.Nickname, where + ".nickname"))
        {
            Gender = user.Gender ?? defaults.Gender,
            GenderType = user.GenderType ?? defaults.GenderType,
            Province = user.Province ?? defaults.Province,
            City = user.City ?? defaults.City,
            Year = user.Year ?? defaults.Year,
            Constellation = user.Constellation ?? defaults.Constellation,
            LargeQqAvatar = user.LargeQqAvatar ?? defaults.LargeQqAvatar,
            Vip = user.Vip ?? defaults.Vip,
            Level = user.Level ?? defaults.Level,
            IsYellowVip = user.IsYellowVip ?? defaults.IsYellowVip,
            YellowVipLevel = user.YellowVipLevel ?? defaults.YellowVipLevel,
            IsYellowYearVip = user.IsYellowYearVip ?? defaults.IsYellowYearVip,
            AvatarColor = user.AvatarColor ?? defaults.AvatarColor,
        };
    }

    private static UsageException NullEntry(string path, string key) =>
        new($"{path}: {key} is null; each entry must be an object {{ ... }} (remove the null).", $"{path}：{key} 是 null；每一项都必须是对象 {{ ... }}，请删掉这个 null。");

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{name} is required (a non-empty string).", $"{name} 是必填项，须为非空字符串。") : value;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
