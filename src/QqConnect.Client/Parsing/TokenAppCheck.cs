using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>
/// Reads <c>/oauth2.0/me</c> and refuses a token issued to another app than the accepted ones (token substitution):
/// the answer names the app (<c>client_id</c>). Part of the answer's parsing, so the refusal is the call's outcome
/// (never retried, logged and counted as the call's failure) and the call needs no second await.
/// </summary>
internal sealed class TokenAppCheck
{
    private readonly HashSet<string> _acceptedAppIds;

    /// <param name="appId">The app's own id.</param>
    /// <param name="acceptedAppIds">Other apps whose tokens are accepted too (<see langword="null"/> for none).</param>
    public TokenAppCheck(string appId, IEnumerable<string>? acceptedAppIds)
    {
        _acceptedAppIds = new HashSet<string>(acceptedAppIds ?? [], StringComparer.Ordinal) { appId };
        Parse = ParseChecked;
    }

    /// <summary>The parser of <c>/me</c> answers with the check; one delegate per app, made once.</summary>
    public BodyParser<QqOpenId> Parse { get; }

    private ParseResult<QqOpenId> ParseChecked(ReadOnlySpan<byte> body, TimeProvider clock)
    {
        var parsed = ResponseParser.Parse<OpenIdBuilder, QqOpenId>(body, clock);
        if (parsed.Failure is not null || _acceptedAppIds.Contains(parsed.Value.ClientId))
        {
            return parsed;
        }

        return ParseFailure.Refused(
            Messages.Format(Strings.TokenOfAnotherApp, EchoedText.Clean(parsed.Value.ClientId, 64), string.Join(", ", _acceptedAppIds)),
            "client_id is not an accepted app id");
    }
}
