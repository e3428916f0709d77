using System.Globalization;
using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary>The authorize step: the login page, the user's decision, and the test helper that plays the browser.</summary>
public sealed partial class QqConnectEmulator
{
    /// <summary>
    /// Plays the browser on the authorize page without HTML: validates the authorize URL exactly as the page
    /// does, lets user <paramref name="userIndex"/> approve or deny, and returns the callback URL QQ would
    /// redirect to. Bypasses fault injection and request counting. Read the result with
    /// <see cref="Uri.AbsoluteUri"/> or <see cref="Uri.OriginalString"/> (not <c>ToString()</c>, which unescapes).
    /// </summary>
    /// <param name="authorizeUrl">The authorize URL the app built (any host; path <c>/oauth2.0/authorize</c>).</param>
    /// <param name="userIndex">Which fake user logs in.</param>
    /// <param name="approve">True to approve, false to press "deny".</param>
    /// <returns>
    /// The callback URL with <c>code</c> and <c>state</c>; after a denial, with the error parameters (PC page) or with
    /// <c>usercancel=1</c> and the state (<c>display=mobile</c>, as QQ's mobile page does).
    /// </returns>
    /// <exception cref="QqConnectEmulatorException">QQ would show an error page (e.g. 100008, 100010).</exception>
    public Uri Authorize(Uri authorizeUrl, int userIndex = 0, bool approve = true)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        var absolute = authorizeUrl.IsAbsoluteUri ? authorizeUrl : new Uri(new Uri("http://emulator.invalid/"), authorizeUrl);
        if (!string.Equals(absolute.AbsolutePath, AuthorizePath, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not an authorize URL: its path must be {AuthorizePath}.", nameof(authorizeUrl));
        }

        var parameters = QueryParser.Parse(absolute.Query);
        var error = CheckAuthorize(parameters, out var app);
        if (error != 0)
        {
            throw new QqConnectEmulatorException(error, QqErrors.Describe(error));
        }

        var user = UserAt(userIndex);
        return new Uri(Decide(app!, parameters, user, approve));
    }

    private EmulatorResponse AuthorizePage(IReadOnlyDictionary<string, string> query, Uri baseAddress)
    {
        var error = CheckAuthorize(query, out var app);
        if (error != 0)
        {
            return Answers.Text(Pages.Error(error, QqErrors.Describe(error)));
        }

        var avatarBase = _avatarBaseAddress ?? baseAddress;
        return Answers.Text(Pages.Authorize(
            app!,
            query,
            Users,
            user => Avatars.Url(avatarBase, "qqapp", app!.AppId, Ids.OpenId(app.AppId, user.Key), 40)));
    }

    private EmulatorResponse AuthorizeDecision(IReadOnlyDictionary<string, string> form)
    {
        var error = CheckAuthorize(form, out var app);
        if (error != 0)
        {
            return Answers.Text(Pages.Error(error, QqErrors.Describe(error)));
        }

        var userIndex = 0;
        if (Get(form, "user") is { } userText
            && (!int.TryParse(userText, NumberStyles.None, CultureInfo.InvariantCulture, out userIndex) || userIndex >= Users.Count))
        {
            return Answers.Text(Pages.Status(400, "Bad Request"), 400);
        }

        var decision = Get(form, "decision");
        if (decision is not ("approve" or "deny"))
        {
            return Answers.Text(Pages.Status(400, "Bad Request"), 400);
        }

        return Answers.Redirect(Decide(app!, form, Users[userIndex], decision == "approve"));
    }

    /// <summary>Validates authorize parameters; 0 when valid, else the QQ error code of the error page.</summary>
    private int CheckAuthorize(IReadOnlyDictionary<string, string> parameters, out EmulatorApp? app)
    {
        app = null;
        if (Get(parameters, "client_id") is not { } clientId)
        {
            return QqErrors.ClientIdMissing;
        }

        if (!_appsById.TryGetValue(clientId, out app))
        {
            return QqErrors.AppIdUnknown;
        }

        if (Get(parameters, "response_type") is not ("code" or "token"))
        {
            return QqErrors.ResponseTypeInvalid;
        }

        if (Get(parameters, "redirect_uri") is not { } redirectUri
            || LengthLimit.Exceeds(redirectUri)
            || !RedirectUris.IsAllowed(app, redirectUri))
        {
            return QqErrors.RedirectUriIllegal;
        }

        if (Get(parameters, "state") is not { } state)
        {
            return _requireState ? QqErrors.BadRequest : 0;
        }

        return LengthLimit.Exceeds(state) ? QqErrors.RedirectUriIllegal : 0;
    }

    /// <summary>Builds the callback URL for a decision on validated parameters, issuing a code (or token) on approval.</summary>
    private string Decide(EmulatorApp app, IReadOnlyDictionary<string, string> parameters, EmulatorUser user, bool approve)
    {
        var redirectUri = parameters["redirect_uri"];
        // Without a state (allowed when RequireState is off) the callback carries none.
        var state = Get(parameters, "state") is { } given ? "&state=" + QueryParser.Encode(given) : "";
        var implicitFlow = parameters["response_type"] == "token";
        if (!approve && Get(parameters, "display") == "mobile")
        {
            // QQ's mobile page answers a cancel with usercancel and the state only: no code, no error.
            return RedirectUris.Append(redirectUri, "usercancel=1" + state, implicitFlow);
        }

        if (!approve)
        {
            var code = _denyErrorCode.ToString(CultureInfo.InvariantCulture);
            var description = QueryParser.EncodePlus(_denyErrorDescription);
            var pairs = _legacyCallbackErrors
                ? $"code={code}&msg={description}{state}"
                : $"error={code}&error_description={description}{state}";
            return RedirectUris.Append(redirectUri, pairs, implicitFlow);
        }

        var now = TimeProvider.GetUtcNow();
        if (implicitFlow)
        {
            var accessToken = Ids.NewToken();
            lock (_gate)
            {
                _accessTokens.Add(accessToken, new IssuedAccessToken(app, user, now + _accessTokenLifetime, now + _refreshTokenLifetime), now);
            }

            return RedirectUris.Append(redirectUri, $"access_token={accessToken}&expires_in={ExpiresIn}{state}", inFragment: true);
        }

        var authorizationCode = Ids.NewToken();
        lock (_gate)
        {
            _codes.Add(authorizationCode, new IssuedCode(app, user, redirectUri, now + _codeLifetime), now);
            Interlocked.Increment(ref _codesIssued);
        }

        return RedirectUris.Append(redirectUri, $"code={authorizationCode}{state}");
    }

    private string ExpiresIn => ((long)_accessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
