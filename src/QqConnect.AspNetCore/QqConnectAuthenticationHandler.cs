using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Internal;
using QqConnect.AspNetCore.Resources;

namespace QqConnect.AspNetCore;

/// <summary>
/// The QQ login handler: sends the browser to QQ with a short state, and on the callback checks the correlation
/// cookie that state names (it carries the login's protected properties), exchanges the code once (the answer names
/// the user), asks <c>/oauth2.0/me</c> only for the UnionID or when the answer did not name the user (checking the
/// token's app there), and reads the profile, all through <see cref="IQqConnectClient"/>. Keeps nothing in server memory.
/// </summary>
internal sealed partial class QqConnectAuthenticationHandler : RemoteAuthenticationHandler<QqConnectAuthenticationOptions>
{
    private readonly IQqConnectClientFactory _clients;
    private readonly IOptionsMonitor<QqConnectOptions> _clientOptions;
    private readonly ChunkingCookieManager _cookies = new();

    public QqConnectAuthenticationHandler(
        IOptionsMonitor<QqConnectAuthenticationOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IQqConnectClientFactory clients,
        IOptionsMonitor<QqConnectOptions> clientOptions)
        : base(options, logger, encoder)
    {
        _clients = clients;
        _clientOptions = clientOptions;
    }

    private new QqConnectAuthenticationEvents Events
    {
        get => (QqConnectAuthenticationEvents)base.Events!;
        set => base.Events = value;
    }

    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new QqConnectAuthenticationEvents());

    protected override async Task InitializeEventsAsync()
    {
        await base.InitializeEventsAsync().ConfigureAwait(false);
        Events = new EventsWithDefaults(Events, MakeReturnUriLocal, SendBackWithRemoteErrorAsync);
    }

    // The registration whose client serves this scheme: its own, or the one ClientName names.
    private string ClientName => QqConnectClientNames.Resolve(Scheme.Name, Options);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var returnUrl = string.IsNullOrEmpty(properties.RedirectUri)
            ? OriginalPathBase + OriginalPath + Request.QueryString
            : properties.RedirectUri;
        properties.RedirectUri = LocalOrRoot(returnUrl);
        if (properties.RedirectUri.Length > LocalReturnUrl.MaxLength)
        {
            Log.ChallengeRefused(Logger, "return URL too long");
            await RefuseChallengeAsync(
                Messages.Format(Strings.ReturnUrlTooLong, properties.RedirectUri.Length, LocalReturnUrl.MaxLength)).ConfigureAwait(false);
            return;
        }

        var redirectUri = BuildRedirectUri(Options.CallbackPath);
        var state = LoginState.Create();
        Uri authorizeUrl;
        try
        {
            // The client applies QQ's 500-byte rule (counted as sent, percent-encoded) to the redirect URI: one rule
            // for both packages. The state is ours and short, so a refusal here is about the redirect URI.
            authorizeUrl = _clients.CreateClient(ClientName).BuildAuthorizeUrl(new QqAuthorizeRequest(state)
            {
                RedirectUri = redirectUri,
                Display = Options.Display,
                Scopes = Options.Scopes.Count == 0 ? null : [.. Options.Scopes],
            });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                Messages.Format(Strings.RedirectUriCannotBeSent, e.Message), e);
        }

        // One cookie binds the login to this browser and carries its properties: the correlation cookie, named after
        // the state. (The framework's separate correlation nonce would add a second cookie proving the same thing.)
        var now = TimeProvider.GetUtcNow();
        var expiresAt = now + Options.RemoteAuthenticationTimeout;
        var cookieOptions = Options.CorrelationCookie.Build(Context, now);
        properties.Items[PropertyKeys.RedirectUri] = redirectUri;
        properties.Items[PropertyKeys.ExpiresAt] = expiresAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
        var protectedProperties = Options.StateDataFormat.Protect(properties, state);
        if (protectedProperties.Length > MaxProtectedPropertiesLength)
        {
            Log.ChallengeRefused(Logger, "properties too large");
            await RefuseChallengeAsync(
                Messages.Format(Strings.PropertiesTooLarge, protectedProperties.Length, MaxProtectedPropertiesLength)).ConfigureAwait(false);
            return;
        }

        TrackPendingLogin(state, now, expiresAt, cookieOptions);
        _cookies.AppendResponseCookie(Context, CorrelationCookieName(state), protectedProperties, cookieOptions);

        var context = new RedirectContext<QqConnectAuthenticationOptions>(Context, Scheme, Options, properties, authorizeUrl.AbsoluteUri);
        await Events.RedirectToAuthorizationEndpoint(context).ConfigureAwait(false);
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var callback = QqCallback.Parse(Request.QueryString.Value ?? string.Empty);
        var state = callback.State;
        if (string.IsNullOrEmpty(state))
        {
            return HandleRequestResult.Fail(Strings.NoState);
        }

        if (!LoginState.IsWellFormed(state))
        {
            return HandleRequestResult.Fail(Strings.StateNotIssued);
        }

        var cookieName = CorrelationCookieName(state);
        var protectedProperties = _cookies.GetRequestCookie(Context, cookieName);
        if (string.IsNullOrEmpty(protectedProperties))
        {
            return HandleRequestResult.Fail(Strings.CorrelationMissing);
        }

        _cookies.DeleteCookie(Context, cookieName, Options.CorrelationCookie.Build(Context, TimeProvider.GetUtcNow()));
        ForgetPendingLogin(state);

        var properties = Options.StateDataFormat.Unprotect(protectedProperties, state);
        if (properties is null)
        {
            return HandleRequestResult.Fail(Strings.CorrelationUnreadable);
        }

        if (!properties.Items.Remove(PropertyKeys.ExpiresAt, out var expiresText)
            || !DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || TimeProvider.GetUtcNow() >= expiresAt)
        {
            return HandleRequestResult.Fail(Strings.LoginExpired, properties);
        }

        if (!properties.Items.Remove(PropertyKeys.RedirectUri, out var redirectUri) || string.IsNullOrEmpty(redirectUri))
        {
            return HandleRequestResult.Fail(Strings.NoRedirectUri, properties);
        }

        if (callback.Outcome == QqCallbackOutcome.Cancelled || (callback.Outcome == QqCallbackOutcome.Error && IsRefusal(callback)))
        {
            return await HandleRefusalAsync(callback, properties).ConfigureAwait(false);
        }

        if (callback.Outcome == QqCallbackOutcome.Error)
        {
            return HandleRequestResult.Fail(new AuthenticationFailureException(Messages.Format(Strings.CallbackError, callback), callback.ToException()), properties);
        }

        if (!callback.IsSuccess || string.IsNullOrEmpty(callback.Code))
        {
            return HandleRequestResult.Fail(new AuthenticationFailureException(Strings.CallbackEmpty, callback.ToException()), properties);
        }

        var clientName = ClientName;
        var client = _clients.CreateClient(clientName);
        var clientOptions = _clientOptions.Get(clientName);
        QqAccessToken token;
        QqOpenId openId;
        QqUserInfo user;
        try
        {
            token = await client.ExchangeCodeAsync(callback.Code, redirectUri, Context.RequestAborted).ConfigureAwait(false);

            // The code exchange asks for the openid (need_openid=1). The token is the one this app's own code was
            // exchanged for, so that openid needs no app check: without the UnionID, /me would only repeat it. With
            // the UnionID (or an answer without openid: an older QQ, a proxy) /me is asked, and must agree.
            if (token.OpenId is { } tokenOpenId && !clientOptions.RequestUnionId)
            {
                openId = new QqOpenId(clientOptions.AppId, tokenOpenId, unionId: null);
            }
            else
            {
                openId = await client.GetOpenIdAsync(token.AccessToken, Context.RequestAborted).ConfigureAwait(false);
                if (token.OpenId is not null && !string.Equals(token.OpenId, openId.OpenId, StringComparison.Ordinal))
                {
                    return HandleRequestResult.Fail(Strings.OpenIdsDiffer, properties);
                }
            }

            user = await client.GetUserInfoAsync(token.AccessToken, openId.OpenId, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (QqConnectException e)
        {
            return HandleRequestResult.Fail(new AuthenticationFailureException(Messages.Format(Strings.CallFailed, e.Operation, e.Message), e), properties);
        }

        if (Options.UseUnionIdAsNameIdentifier && string.IsNullOrEmpty(openId.UnionId))
        {
            return HandleRequestResult.Fail(Strings.NoUnionId, properties);
        }

        var ticket = await CreateTicketAsync(properties, token, openId, user).ConfigureAwait(false);
        return HandleRequestResult.Success(ticket);
    }

    private async Task<AuthenticationTicket> CreateTicketAsync(AuthenticationProperties properties, QqAccessToken token, QqOpenId openId, QqUserInfo user)
    {
        var userData = UserDataJson.Create(openId, user);
        var identity = new ClaimsIdentity(ClaimsIssuer);
        foreach (var action in Options.ClaimActions)
        {
            if (Options.UseUnionIdAsNameIdentifier && action.ClaimType == ClaimTypes.NameIdentifier)
            {
                continue;
            }

            action.Run(userData, identity, ClaimsIssuer);
        }

        if (Options.UseUnionIdAsNameIdentifier)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, openId.UnionId!, ClaimValueTypes.String, ClaimsIssuer));
        }

        if (Options.SaveTokens)
        {
            properties.StoreTokens(TokenNames.From(token));
        }

        var context = new QqConnectCreatingTicketContext(Context, Scheme, Options, new ClaimsPrincipal(identity), properties, token, openId, user, userData);
        await Events.CreatingTicket(context).ConfigureAwait(false);
        return new AuthenticationTicket(context.Principal!, context.Properties, Scheme.Name);
    }

    /// <summary>
    /// The user refused (deny on QQ's PC page, cancel on its mobile page): <c>OnAccessDenied</c> and
    /// <c>AccessDeniedPath</c> first, as for any remote handler; when neither answers, a remote failure, as
    /// ASP.NET Core's OAuth handler does, carrying QQ's error in <see cref="Exception.Data"/> and as inner exception.
    /// </summary>
    private async Task<HandleRequestResult> HandleRefusalAsync(QqCallbackResult callback, AuthenticationProperties properties)
    {
        Log.AccessDenied(Logger, callback.ErrorCode);
        var result = await HandleAccessDeniedErrorAsync(properties).ConfigureAwait(false);
        if (!result.None)
        {
            return result;
        }

        _refusal = new AuthenticationFailureException(Strings.AccessDenied, callback.ToException());
        _refusal.Data["error"] = callback.Outcome == QqCallbackOutcome.Cancelled
            ? "usercancel"
            : callback.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? callback.RawError;
        _refusal.Data["error_description"] = callback.ErrorDescription;
        return HandleRequestResult.Fail(_refusal, properties);
    }

    private async Task RefuseChallengeAsync(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(message, Context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary><paramref name="url"/> when it is local (encoded for a header), else the site's root; a refusal is logged.</summary>
    private string LocalOrRoot(string? url)
    {
        if (LocalReturnUrl.Normalize(url) is { } local)
        {
            return local;
        }

        if (!string.IsNullOrEmpty(url))
        {
            Log.ReturnUrlNotLocal(Logger, LocalReturnUrl.Describe(url));
        }

        return Root;
    }

    private string Root => OriginalPathBase.Add(new PathString("/")).ToUriComponent();

    private Task MakeReturnUriLocal(TicketReceivedContext context)
    {
        context.ReturnUri = LocalOrRoot(context.ReturnUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The default for a failure no <c>OnRemoteFailure</c> handler took: back to the login's return URL (or the root
    /// when there is no login to go back to) with a short reason in <see cref="QqConnectAuthenticationOptions.RemoteErrorParameter"/>.
    /// </summary>
    private Task SendBackWithRemoteErrorAsync(RemoteFailureContext context)
    {
        if (string.IsNullOrEmpty(Options.RemoteErrorParameter))
        {
            return Task.CompletedTask;
        }

        var target = LocalOrRoot(context.Properties?.RedirectUri);
        var reason = RemoteError.Describe(context.Failure!, refused: ReferenceEquals(context.Failure, _refusal));
        Response.Redirect(QueryHelpers.AddQueryString(target, Options.RemoteErrorParameter, reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>Adds the new login to the list of pending ones, deleting the correlation cookies of expired and of the oldest logins.</summary>
    private void TrackPendingLogin(string state, DateTimeOffset now, DateTimeOffset expiresAt, CookieOptions correlationCookie)
    {
        var name = PendingLogins.CookieName(Scheme.Name);
        var pending = PendingLogins.Read(Request.Cookies[name], Options.StateDataFormat);
        var live = pending.Where(login => login.ExpiresAt > now).ToList();
        var keep = live.Skip(Math.Max(0, live.Count - (PendingLogins.MaxPending - 1))).ToList();
        foreach (var (dropped, _) in pending.Except(keep))
        {
            Response.Cookies.Delete(CorrelationCookieName(dropped), correlationCookie);
        }

        keep.Add((state, expiresAt));
        WritePendingLogins(name, keep, now);
    }

    private void ForgetPendingLogin(string state)
    {
        var name = PendingLogins.CookieName(Scheme.Name);
        if (Request.Cookies[name] is not { } cookie)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        WritePendingLogins(name, PendingLogins.Read(cookie, Options.StateDataFormat).Where(login => login.State != state && login.ExpiresAt > now).ToList(), now);
    }

    private void WritePendingLogins(string name, List<(string State, DateTimeOffset ExpiresAt)> pending, DateTimeOffset now)
    {
        // Same attributes as the correlation cookies, but on the root path, where the challenges are.
        var options = Options.CorrelationCookie.Build(Context, now);
        options.Path = Root;
        if (pending.Count == 0)
        {
            Response.Cookies.Delete(name, options);
            return;
        }

        options.Expires = pending.Max(login => login.ExpiresAt);
        Response.Cookies.Append(name, PendingLogins.Write(pending, Options.StateDataFormat), options);
    }

    private static bool IsRefusal(QqCallbackResult callback) =>
        callback.ErrorCode == UserDeniedErrorCode || string.Equals(callback.RawError, "access_denied", StringComparison.Ordinal);

    // The code QQ (and the emulator) sends to the callback when the user presses "cancel": not authorized.
    private const int UserDeniedErrorCode = 100030;

    private string CorrelationCookieName(string state) => Options.CorrelationCookie.Name + state;

    // The largest protected properties kept in a correlation cookie: with at most PendingLogins.MaxPending of them, the
    // QQ login's cookies sent to the callback path stay under 7 KB (3 × 2,048 + names + the pending list).
    private const int MaxProtectedPropertiesLength = 2048;

    // The refusal this request's callback reported, to tell it from other failures in the RemoteFailure default.
    private AuthenticationFailureException? _refusal;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The user refused the QQ login (QQ error {ErrorCode}).", EventName = "QqAccessDenied")]
        public static partial void AccessDenied(ILogger logger, int? errorCode);

        [LoggerMessage(2, LogLevel.Warning, "A QQ login's return URL is not local ({ReturnUrl}, query left out): the login returns to the site's root instead.", EventName = "QqReturnUrlNotLocal")]
        public static partial void ReturnUrlNotLocal(ILogger logger, string returnUrl);

        [LoggerMessage(3, LogLevel.Warning, "A QQ login was refused at the challenge with 400: {Reason}.", EventName = "QqChallengeRefused")]
        public static partial void ChallengeRefused(ILogger logger, string reason);
    }
}
