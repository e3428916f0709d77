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
        """;

    private const string UrlsHint = "Pick a free port with --urls http://127.0.0.1:PORT (or --port 0 for any free port).";

    /// <summary>The paths a fault's endpoint may name (besides the avatars under <c>/qlogo/</c>).</summary>
    private static readonly string[] ServedPaths = ["/oauth2.0/authorize", "/oauth2.0/token", "/oauth2.0/me", "/user/get_user_info", "/"];

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
                    throw new UsageException($"Unknown argument '{joined}'; write '{joined[..equals]} {joined[(equals + 1)..]}', with a space instead of '='. Try --help.");
                default:
                    throw new UsageException($"Unknown argument '{args[i]}'. Try --help.");
            }
        }

        if (usersReplaced)
        {
            CheckUnique(options.Users, user => user.Key, _ => "--user: the key", "each user needs its own key (the OpenIDs derive from it)");
        }

        if (appsReplaced)
        {
            CheckUnique(options.Apps, app => app.AppId, _ => "--app: the app id", "each app needs its own id");
        }

        return settings;
    }

    private static void CheckUnique<T>(System.Collections.ObjectModel.Collection<T> items, Func<T, string> keyOf, Func<int, string> name, string why)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!keys.Add(keyOf(items[i])))
            {
                throw new UsageException($"{name(i)} '{keyOf(items[i])}' is given twice; {why}.");
            }
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new UsageException($"{args[i]} needs a value. Try --help.");
        }

        return args[++i];
    }

    private static int ParsePort(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new UsageException($"--port needs a number from 0 to {IPEndPoint.MaxPort}, got '{text}'. {UrlsHint}");
        }

        return port;
    }

    private static TimeSpan ParseLifetime(string name, string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            ? Lifetime(seconds, name)!.Value
            : throw new UsageException($"{name} needs a whole number of seconds, got '{text}'.");

    private static void ApplyUrls(EmulatorToolSettings settings, string urls, string name)
    {
        if (urls.Contains(';', StringComparison.Ordinal))
        {
            throw new UsageException($"{name} takes one address (the emulator listens on one), got '{urls}'. {UrlsHint}");
        }

        if (!Uri.TryCreate(urls, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new UsageException($"{name} needs an http:// URL with a port from 0 to {IPEndPoint.MaxPort}, got '{urls}'. {UrlsHint}");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new UsageException($"{name} takes only scheme, host and port (no user, path, query or fragment), got '{urls}'. {UrlsHint}");
        }

        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            settings.Address = IPAddress.Loopback;
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) && parsed.IsIPv4MappedToIPv6)
        {
            throw new UsageException($"{name} does not take an IPv4-mapped IPv6 address ('{uri.Host}'); write the IPv4 address itself. {UrlsHint}");
        }
        else if (parsed is not null && IPAddress.IsLoopback(parsed))
        {
            settings.Address = parsed;
        }
        else
        {
            throw new UsageException($"{name}: the emulator binds only to loopback addresses (127.0.0.1, localhost, [::1]), not '{uri.Host}'. {UrlsHint}");
        }

        settings.Port = uri.Port;
    }

    private static EmulatorApp ParseApp(string spec)
    {
        var parts = spec.Split(':', 3);
        if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
        {
            throw new UsageException($"--app needs ID:KEY or ID:KEY:DOMAIN,DOMAIN, got '{spec}'.");
        }

        var domains = parts.Length == 3
            ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["localhost", "127.0.0.1"];
        if (domains.Length == 0)
        {
            throw new UsageException($"--app '{spec}': the callback domains after the last ':' are empty; give at least one, such as localhost,127.0.0.1 (or leave out the last ':').");
        }

        return new EmulatorApp(parts[0], parts[1], domains) { Name = "App " + parts[0] };
    }

    private static EmulatorUser ParseUser(string spec)
    {
        var parts = spec.Split(':', 2);
        if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]))
        {
            throw new UsageException($"--user needs KEY:NICKNAME, got '{spec}'.");
        }

        if (string.IsNullOrWhiteSpace(parts[1]))
        {
            throw new UsageException($"--user '{spec}': the nickname after ':' is empty; --user needs KEY:NICKNAME.");
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
                throw new UsageException($"--fault needs key=value pairs, got '{pair}'.");
            }

            var key = pair[..equals];
            var value = pair[(equals + 1)..];
            if (!seen.Add(key))
            {
                throw new UsageException($"--fault: {key} is given twice in '{spec}'; give each key once (a second fault is a second --fault).");
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
                    throw new UsageException($"--fault: unknown key '{key}'. Try --help (a custom body goes in a --config file).");
            }
        }

        return ToFault(config, "--fault");
    }

    private static EmulatorFault ToFault(EmulatorFaultConfig config, string where)
    {
        EmulatorFault fault;
        try
        {
            fault = config.ToFault();
        }
        catch (FormatException exception)
        {
            throw new UsageException($"{where}: {exception.Message}", exception);
        }

        if (fault.Count < 1 || fault.ChunkSize < 1 || fault.PaddingBytes < 0 || fault.Delay < TimeSpan.Zero)
        {
            throw new UsageException($"{where}: count, chunkSize, paddingBytes and delayMs must not be negative (chunkSize at least 1).");
        }

        if (fault.Endpoint is { } endpoint && !IsServedPath(endpoint))
        {
            throw new UsageException(
                $"{where}: endpoint '{endpoint}' is not a path the emulator serves, so the fault would never strike; use {string.Join(", ", ServedPaths)} or /qlogo/... (or leave endpoint out for every path).");
        }

        if (fault.StatusCode is { } status and (< 200 or > 599))
        {
            throw new UsageException($"{where}: statusCode must be an HTTP answer status from 200 to 599, got {status}.");
        }

        return fault;
    }

    private static bool IsServedPath(string path) =>
        ServedPaths.Contains(path, StringComparer.OrdinalIgnoreCase) || path.StartsWith("/qlogo/", StringComparison.OrdinalIgnoreCase);

    private static T ParseEnum<T>(string key, string value)
        where T : struct, Enum =>
        !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new UsageException($"--fault: {key} must be one of {string.Join(", ", Enum.GetNames<T>())}, got '{value}'.");

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"--fault: {key} needs a whole number, got '{value}'.");

    private static void ApplyFile(EmulatorToolSettings settings, string path, Func<string, string> readFile)
    {
        string text;
        try
        {
            text = readFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config: cannot read '{path}': {OneLine(exception.Message)}", exception);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new UsageException(EmulatorConfigError.NotJson(path, exception), exception);
        }

        if (EmulatorConfigError.DuplicateKey(path, text) is { } duplicate)
        {
            throw new UsageException(duplicate);
        }

        EmulatorConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(text, EmulatorConfigJsonContext.Default.EmulatorConfig);
        }
        catch (JsonException exception)
        {
            throw new UsageException(EmulatorConfigError.WrongShape(path, exception), exception);
        }

        if (config is null)
        {
            throw new UsageException($"{path}: the configuration must be a JSON object.");
        }

        try
        {
            Apply(settings, config, path);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"{path}: {EmulatorConfigError.Plain(exception)}", exception);
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
                throw new UsageException($"{path}: apps is empty; list at least one app (or leave apps out for the default apps): without one every login fails with 100010.");
            }

            options.Apps.Clear();
            for (var i = 0; i < apps.Count; i++)
            {
                options.Apps.Add(ToApp(apps[i] ?? throw NullEntry(path, $"apps[{i}]"), $"{path}: apps[{i}]"));
            }

            CheckUnique(options.Apps, app => app.AppId, i => $"{path}: apps[{i}].appId", "each app needs its own id");
        }

        if (config.Users is { } users)
        {
            if (users.Count == 0)
            {
                throw new UsageException($"{path}: users is empty; list at least one user (or leave users out for the default users).");
            }

            options.Users.Clear();
            for (var i = 0; i < users.Count; i++)
            {
                options.Users.Add(ToUser(users[i] ?? throw NullEntry(path, $"users[{i}]"), $"{path}: users[{i}]"));
            }

            CheckUnique(options.Users, user => user.Key, i => $"{path}: users[{i}].key", "each user needs its own key (the OpenIDs derive from it)");
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
        <= 0 or > int.MaxValue => throw new UsageException($"{name} must be a positive number of seconds (at most {int.MaxValue}), got {seconds}."),
        _ => TimeSpan.FromSeconds(seconds.Value),
    };

    private static EmulatorApp ToApp(EmulatorAppConfig app, string where)
    {
        var domains = app.CallbackDomains is { } listed
            ? listed.Where(domain => !string.IsNullOrWhiteSpace(domain)).Select(domain => domain.Trim()).ToList()
            : ["localhost", "127.0.0.1"];
        if (domains.Count == 0)
        {
            throw new UsageException($"{where}.callbackDomains is empty; list at least one domain, such as \"localhost\" (or leave it out for localhost and 127.0.0.1).");
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
        new($"{path}: {key} is null; each entry must be an object {{ ... }} (remove the null).");

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{name} is required (a non-empty string).") : value;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
