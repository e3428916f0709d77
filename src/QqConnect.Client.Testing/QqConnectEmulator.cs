using System.Collections.Concurrent;
using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary>
/// An emulation of graph.qq.com (QQ Connect / QQ互联 OAuth 2.0): the authorize page, the token endpoint
/// (code exchange and refresh), <c>/oauth2.0/me</c> and <c>/user/get_user_info</c>, byte for byte in QQ's
/// answer shapes, with single-use codes and refresh tokens, replay counters and fault injection.
/// Thread-safe. Serve it in-process with <see cref="CreateHandler"/>, or over sockets with the
/// QqConnect.Emulator server, which hands requests to <see cref="HandleAsync"/>.
/// </summary>
public sealed partial class QqConnectEmulator
{
    internal const string AuthorizePath = "/oauth2.0/authorize";
    internal const string TokenPath = "/oauth2.0/token";
    internal const string MePath = "/oauth2.0/me";
    internal const string UserInfoPath = "/user/get_user_info";

    internal static readonly string[] AuthorizeParameterNames = ["response_type", "client_id", "redirect_uri", "state", "scope", "display"];

    private readonly object _gate = new();
    private readonly IssuedStore<IssuedCode> _codes;
    private readonly IssuedStore<IssuedAccessToken> _accessTokens;
    private readonly IssuedStore<IssuedRefreshToken> _refreshTokens;
    private readonly ConcurrentDictionary<string, long> _requestCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorApp> _appsById;
    private readonly TimeProvider _faultTime;
    private readonly TimeSpan _codeLifetime;
    private readonly TimeSpan _accessTokenLifetime;
    private readonly TimeSpan _refreshTokenLifetime;
    private readonly bool _omitRefreshToken;
    private readonly bool _legacyCallbackErrors;
    private readonly bool _requireState;
    private readonly int _denyErrorCode;
    private readonly string _denyErrorDescription;
    private readonly Uri? _avatarBaseAddress;
    private int _codeReplays;
    private int _refreshTokenReplays;
    private long _codesIssued;
    private long _codesRedeemed;

    /// <summary>Creates an emulator with the default apps and users, on the system clock.</summary>
    public QqConnectEmulator()
        : this(null, null)
    {
    }

    /// <summary>Creates an emulator.</summary>
    /// <param name="options">Apps, users and lifetimes; null for the defaults. Read once, here.</param>
    /// <param name="timeProvider">The clock for code and token expiry; null for <see cref="TimeProvider.System"/>.</param>
    public QqConnectEmulator(QqConnectEmulatorOptions? options, TimeProvider? timeProvider = null)
    {
        options ??= new QqConnectEmulatorOptions();
        if (options.Users.Count == 0)
        {
            throw new ArgumentException("The emulator needs at least one user.", nameof(options));
        }

        if (options.Apps.Count == 0)
        {
            throw new ArgumentException("The emulator needs at least one app: without one, every login fails with 100010.", nameof(options));
        }

        if (options.Users.GroupBy(user => user.Key, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"User key {twice.Key} is given twice: each user needs its own key (it makes the OpenIDs).", nameof(options));
        }

        Apps = [.. options.Apps];
        _users = UserTable.Of([.. options.Users]);
        _appsById = new Dictionary<string, EmulatorApp>(StringComparer.Ordinal);
        foreach (var app in Apps)
        {
            if (!_appsById.TryAdd(app.AppId, app))
            {
                throw new ArgumentException($"App id {app.AppId} is registered twice.", nameof(options));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.IssuedPerUserLimit, 1, nameof(options.IssuedPerUserLimit));
        _codes = new IssuedStore<IssuedCode>(options.IssuedPerUserLimit);
        _accessTokens = new IssuedStore<IssuedAccessToken>(options.IssuedPerUserLimit);
        _refreshTokens = new IssuedStore<IssuedRefreshToken>(options.IssuedPerUserLimit);
        TimeProvider = timeProvider ?? TimeProvider.System;
        _faultTime = options.FaultTimeProvider ?? TimeProvider.System;
        _codeLifetime = options.CodeLifetime;
        _accessTokenLifetime = options.AccessTokenLifetime;
        _refreshTokenLifetime = options.RefreshTokenLifetime;
        _omitRefreshToken = options.OmitRefreshToken;
        _legacyCallbackErrors = options.UseLegacyCallbackErrors;
        _requireState = options.RequireState;
        _denyErrorCode = options.DenyErrorCode;
        _denyErrorDescription = options.DenyErrorDescription;
        _avatarBaseAddress = options.AvatarBaseAddress;
    }

    /// <summary>The registered apps.</summary>
    public IReadOnlyList<EmulatorApp> Apps { get; }

    /// <summary>
    /// The fake users, by index as offered on the authorize page: a snapshot, taken when read
    /// (<see cref="AddOrReplaceUser"/> publishes a new one; an index never changes once given).
    /// </summary>
    public IReadOnlyList<EmulatorUser> Users => Volatile.Read(ref _users).List;

    /// <summary>The clock used for code and token expiry.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The clock on which injected fault delays and trickled bodies run
    /// (<see cref="QqConnectEmulatorOptions.FaultTimeProvider"/>, real time by default).
    /// </summary>
    public TimeProvider FaultTimeProvider => _faultTime;

    /// <summary>Pending injected faults; add and clear them at any time.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>How many times an already-redeemed authorization code was presented again.</summary>
    public int CodeReplays => Volatile.Read(ref _codeReplays);

    /// <summary>How many times an already-used refresh token was presented again.</summary>
    public int RefreshTokenReplays => Volatile.Read(ref _refreshTokenReplays);

    /// <summary>
    /// How many requests arrived for a path such as <c>/oauth2.0/token</c>, faulted ones included. Paths are counted
    /// one by one up to <see cref="CountedPathLimit"/> different ones (QQ's own paths always count); requests for
    /// further unknown paths are not counted.
    /// </summary>
    /// <param name="path">The request path.</param>
    /// <returns>The number of requests since creation or the last <see cref="Reset"/>.</returns>
    public long GetRequestCount(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _requestCounts.TryGetValue(path, out var count) ? count : 0;
    }

    /// <summary>
    /// Forgets every issued code and token, zeroes the counters, clears pending faults and the recent requests
    /// (<see cref="GetRecentRequests"/>). Apps and users stay, those added with <see cref="AddOrReplaceUser"/> too.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _accessTokens.Clear();
            _refreshTokens.Clear();
            Volatile.Write(ref _codeReplays, 0);
            Volatile.Write(ref _refreshTokenReplays, 0);
            Interlocked.Exchange(ref _codesIssued, 0);
            Interlocked.Exchange(ref _codesRedeemed, 0);
        }

        _requestCounts.Clear();
        _recentRequests.Clear();
        Faults.Clear();
    }

    /// <summary>The OpenID the emulator gives a user for an app (32 upper-case hex chars).</summary>
    /// <param name="appId">The app id.</param>
    /// <param name="userIndex">The user's index in <see cref="Users"/>.</param>
    /// <returns>The OpenID.</returns>
    public string GetOpenId(string appId, int userIndex)
    {
        ArgumentNullException.ThrowIfNull(appId);
        return Ids.OpenId(appId, UserAt(userIndex).Key);
    }

    /// <summary>The UnionID the emulator gives a user for an app's developer account.</summary>
    /// <param name="appId">The app id (must be registered).</param>
    /// <param name="userIndex">The user's index in <see cref="Users"/>.</param>
    /// <returns>The UnionID.</returns>
    public string GetUnionId(string appId, int userIndex)
    {
        ArgumentNullException.ThrowIfNull(appId);
        if (!_appsById.TryGetValue(appId, out var app))
        {
            throw new ArgumentException($"App id {appId} is not registered.", nameof(appId));
        }

        return Ids.UnionId(app.DeveloperId, UserAt(userIndex).Key);
    }

    /// <summary>
    /// Creates an <see cref="HttpMessageHandler"/> serving the emulator in-process for any host: the request
    /// path alone decides. Injected dropped connections surface as <see cref="HttpRequestException"/>.
    /// </summary>
    /// <returns>A new handler; dispose it with its <see cref="HttpClient"/>.</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorHttpMessageHandler(this);

    /// <summary>
    /// Handles one request: counts it, plays any matching injected fault, answers like graph.qq.com, and keeps it among
    /// the recent requests (<see cref="GetRecentRequests"/>, secrets masked).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels injected delays; once processing started it completes.</param>
    /// <returns>The answer, possibly with fault instructions for the transport.</returns>
    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CountRequest(request.Path);
        var arrived = TimeProvider.GetUtcNow();
        var fault = Faults.TakeFor(request.Path);
        EmulatorResponse? answer = null;
        try
        {
            answer = await AnswerAsync(request, fault, cancellationToken).ConfigureAwait(false);
            return answer;
        }
        finally
        {
            Record(request, arrived, fault, answer);
        }
    }

    private async Task<EmulatorResponse> AnswerAsync(EmulatorRequest request, EmulatorFault? fault, CancellationToken cancellationToken)
    {
        var acts = fault is not null && fault.Kind is not (EmulatorFaultKind.SlowBody or EmulatorFaultKind.OversizedBody);
        if (acts && fault!.Phase == EmulatorFaultPhase.BeforeProcessing)
        {
            await DelayAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
            if (fault.Kind != EmulatorFaultKind.Latency)
            {
                return FaultAnswer(fault);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var response = Process(request);
        if (fault is null)
        {
            return response;
        }

        switch (fault.Kind)
        {
            case EmulatorFaultKind.SlowBody:
                return response.Trickled(fault.ChunkSize, fault.Delay);
            case EmulatorFaultKind.OversizedBody:
                var padded = new byte[response.Body.Length + fault.PaddingBytes];
                response.Body.CopyTo(padded);
                padded.AsSpan(response.Body.Length).Fill((byte)' ');
                return response.WithBody(padded);
            default:
                if (fault.Phase == EmulatorFaultPhase.AfterProcessing)
                {
                    await DelayAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
                    return fault.Kind == EmulatorFaultKind.Latency ? response : FaultAnswer(fault);
                }

                return response;
        }
    }

    internal Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, _faultTime, cancellationToken) : Task.CompletedTask;

    private static EmulatorResponse FaultAnswer(EmulatorFault fault) => fault.Kind switch
    {
        EmulatorFaultKind.ServerError => Answers.ServerError(fault.StatusCode ?? 502),
        EmulatorFaultKind.DropConnection => EmulatorResponse.Dropped(),
        EmulatorFaultKind.CustomBody => Answers.Text(fault.Body, fault.StatusCode ?? 200),
        _ => throw new InvalidOperationException("Unexpected fault kind."),
    };

    private EmulatorResponse Process(EmulatorRequest request)
    {
        var isGet = string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase);
        var isPost = string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase);
        var query = QueryParser.Parse(request.Query);
        switch (request.Path)
        {
            case AuthorizePath when isGet:
                return AuthorizePage(query, request.BaseAddress);
            case AuthorizePath when isPost:
                return AuthorizeDecision(FormThenQuery(request.FormBody, query));
            case TokenPath when isGet:
                return Token(query);
            case TokenPath when isPost:
                return Token(FormThenQuery(request.FormBody, query));
            case MePath when isGet:
                return Me(query);
            case UserInfoPath when isGet:
                return UserInfo(query, request.BaseAddress);
            case "/" when isGet:
                return Answers.Text(Pages.Index(Apps, Users));
            case AuthorizePath or TokenPath or MePath or UserInfoPath or "/":
                return Answers.MethodNotAllowed();
            default:
                return request.Path.StartsWith(Avatars.PathPrefix, StringComparison.Ordinal) && isGet
                    ? Avatar(request.Path)
                    : Answers.NotFound();
        }
    }

    /// <summary>A POST's parameters: the form body's, then the query's for names the body lacks.</summary>
    private static Dictionary<string, string> FormThenQuery(string? formBody, Dictionary<string, string> query)
    {
        var form = QueryParser.Parse(formBody);
        foreach (var (name, value) in query)
        {
            form.TryAdd(name, value);
        }

        return form;
    }

    private EmulatorResponse Avatar(string path)
    {
        // /qlogo/{kind}/{appid}/{openid}/{size}
        var parts = path[Avatars.PathPrefix.Length..].Split('/');
        if (parts.Length == 4
            && _appsById.TryGetValue(parts[1], out var app)
            && int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            foreach (var user in Users)
            {
                if (string.Equals(Ids.OpenId(app.AppId, user.Key), parts[2], StringComparison.Ordinal))
                {
                    return Answers.Text(Avatars.Svg(user, size), 200, "image/svg+xml");
                }
            }
        }

        return Answers.NotFound();
    }

    /// <summary>How many different paths <see cref="GetRequestCount"/> counts, so that requests for random paths keep memory bounded.</summary>
    public const int CountedPathLimit = 256;

    private void CountRequest(string path)
    {
        if (_requestCounts.Count < CountedPathLimit || _requestCounts.ContainsKey(path) || IsQqPath(path))
        {
            _requestCounts.AddOrUpdate(path, 1, static (_, count) => count + 1);
        }
    }

    private static bool IsQqPath(string path) => path is AuthorizePath or TokenPath or MePath or UserInfoPath;

    private EmulatorUser UserAt(int userIndex)
    {
        var users = Users;
        ArgumentOutOfRangeException.ThrowIfNegative(userIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(userIndex, users.Count);
        return users[userIndex];
    }

    private static bool WantsJson(IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("fmt", out var fmt) && string.Equals(fmt, "json", StringComparison.OrdinalIgnoreCase);

    private static string? Get(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
