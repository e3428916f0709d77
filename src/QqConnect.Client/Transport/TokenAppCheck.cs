using Microsoft.Extensions.Logging;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Transport;

/// <summary>
/// Reads <c>/oauth2.0/me</c> and refuses a token issued to another app than the accepted ones (token substitution):
/// the answer names the app (<c>client_id</c>). Part of the call's parsing, so the refusal is the call's outcome
/// (never retried, logged and counted as the call's failure) and the call needs no second await.
/// </summary>
internal sealed class TokenAppCheck
{
    private readonly HashSet<string> _acceptedAppIds;
    private readonly ILogger _logger;

    public TokenAppCheck(QqConnectOptions options, ILogger logger)
    {
        _acceptedAppIds = new HashSet<string>(options.AcceptedAppIds ?? [], StringComparer.Ordinal) { options.AppId };
        _logger = logger;
        Parse = ParseChecked;
    }

    /// <summary>The parser of <c>/me</c> answers with the check; one delegate per app, made once.</summary>
    public BodyParser<QqOpenId> Parse { get; }

    private QqOpenId ParseChecked(ReadOnlySpan<byte> body, in CallContext context)
    {
        var openId = ResponseParser.Parse<OpenIdBuilder, QqOpenId>(body, context);
        if (!_acceptedAppIds.Contains(openId.ClientId))
        {
            QqConnectLog.TokenRejected(_logger, "client_id is not an accepted app id");
            throw context.Fail(QqConnectErrorKind.SecurityCheck, $"The access token was issued to app {EchoedText.Clean(openId.ClientId, 64)}, which is not this app ({string.Join(", ", _acceptedAppIds)}). Refuse the login: this is how token substitution looks.");
        }

        return openId;
    }
}
