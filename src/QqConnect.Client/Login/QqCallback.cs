using System.Globalization;
using System.Text;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// Reads the URL QQ sends the browser back to after login (the redirect_uri with <c>code</c> and <c>state</c>, or
/// an error), in all the forms QQ uses.
/// </summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item><description><c>error</c> present: an error; a numeric value becomes <see cref="QqCallbackResult.ErrorCode"/>, <c>error_description</c> the description.</description></item>
/// <item><description><c>code</c> and <c>msg</c> both present: an error in QQ's older form; the <c>code</c> is a 6-digit error number, never an authorization code.</description></item>
/// <item><description><c>usercancel</c> with a value other than <c>0</c> (QQ's mobile page when the user cancels): <see cref="QqCallbackOutcome.Cancelled"/>; with a <c>code</c> as well, <see cref="QqCallbackOutcome.NotCallback"/>. <c>usercancel=0</c> counts as absent.</description></item>
/// <item><description><c>code</c> alone: success.</description></item>
/// <item><description>Otherwise: <see cref="QqCallbackOutcome.NotCallback"/>.</description></item>
/// </list>
/// <para>
/// Values are percent-decoded as UTF-8 and <c>+</c> is a space. Empty values count as absent. A <c>code</c>,
/// <c>state</c>, <c>error</c>, <c>error_description</c>, <c>msg</c> or <c>usercancel</c> parameter given more than once makes the URL
/// <see cref="QqCallbackOutcome.NotCallback"/> (parameter pollution), as does a code or state that is too long or
/// has control characters. Malformed percent escapes stay as they are; bytes that are not UTF-8 become U+FFFD.
/// </para>
/// <para>
/// Parsing never throws for hostile input: apart from <see cref="ArgumentNullException"/> for <see langword="null"/>,
/// every input gives a result. Call <see cref="QqCallbackResult.ThrowIfError"/> to turn a failure into an exception.
/// A successful parse is not a security check: the state must still pass
/// <see cref="QqLoginStateProtector.Validate(string?, string?)"/>.
/// </para>
/// </remarks>
public static class QqCallback
{
    private const int MaxDescriptionLength = 1024;
    private const int MaxRawErrorLength = 64;

    // A %XX escape is 3 characters per byte and a character takes up to 3 UTF-8 bytes: nothing longer than this is read.
    private const int MaxRawValueLength = 9 * Guard.MaxStateOrUrlLength;

    private static readonly string[] Names = ["code", "state", "error", "error_description", "msg", "usercancel"];

    private static readonly char[] Escapes = ['%', '+'];

    /// <summary>Parses a callback URL. Only its query is read; a fragment is ignored.</summary>
    /// <param name="callbackUrl">The URL of the callback request, absolute or relative.</param>
    /// <returns>The code, the error, or why this is not a callback.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callbackUrl"/> is <see langword="null"/>.</exception>
    public static QqCallbackResult Parse(Uri callbackUrl)
    {
        Guard.NotNull(callbackUrl, nameof(callbackUrl));
        string query;
        if (callbackUrl.IsAbsoluteUri)
        {
            query = callbackUrl.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        }
        else
        {
            var text = callbackUrl.OriginalString;
            var fragment = text.IndexOf('#');
            if (fragment >= 0)
            {
                text = text.Substring(0, fragment);
            }

            var question = text.IndexOf('?');
            query = question < 0 ? string.Empty : text.Substring(question + 1);
        }

        return ParseQuery(query);
    }

    /// <summary>Parses the query string of a callback, with or without its leading <c>?</c>.</summary>
    /// <param name="queryString">The raw (still percent-encoded) query, such as <c>?code=…&amp;state=…</c>. Pass a whole URL to <see cref="Parse(Uri)"/> instead.</param>
    /// <returns>The code, the error, or why this is not a callback.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="queryString"/> is <see langword="null"/>.</exception>
    public static QqCallbackResult Parse(string queryString)
    {
        Guard.NotNull(queryString, nameof(queryString));
        var query = queryString;
        var fragment = query.IndexOf('#');
        if (fragment >= 0)
        {
            query = query.Substring(0, fragment);
        }

        if (query.Length > 0 && query[0] == '?')
        {
            query = query.Substring(1);
        }

        return ParseQuery(query);
    }

    private static QqCallbackResult ParseQuery(string query)
    {
        // Raw (still encoded) value of each parameter in Names, found by a single pass that allocates nothing for other parameters.
        var raw = new string?[Names.Length];
        var position = 0;
        while (position <= query.Length)
        {
            var end = query.IndexOf('&', position);
            if (end < 0)
            {
                end = query.Length;
            }

            var equals = query.IndexOf('=', position, end - position);
            var nameEnd = equals < 0 ? end : equals;
            var index = IndexOfName(query, position, nameEnd - position);
            if (index >= 0)
            {
                var value = equals < 0 ? string.Empty : query.Substring(equals + 1, Math.Min(end - equals - 1, MaxRawValueLength + 1));
                if (value.Length > 0)
                {
                    if (raw[index] is not null)
                    {
                        return QqCallbackResult.NotCallback(nameof(Strings.NotCallbackDuplicate), Names[index]);
                    }

                    raw[index] = value;
                }
            }

            position = end + 1;
        }

        var code = Decode(raw[0]);
        var state = Decode(raw[1]);
        var error = Decode(raw[2]);
        var description = Decode(raw[3]);
        var msg = Decode(raw[4]);
        var userCancel = Decode(raw[5]);

        if (state is not null && (raw[1]!.Length > MaxRawValueLength || state.Length > Guard.MaxStateOrUrlLength || Guard.ContainsControl(state)))
        {
            return QqCallbackResult.NotCallback(nameof(Strings.NotCallbackState));
        }

        if (error is not null)
        {
            return Error(error, description, code, state);
        }

        if (code is not null && msg is not null)
        {
            // QQ's older error form: code is an error number here, not an authorization code.
            return Error(rawError: null, msg, code, state);
        }

        if (userCancel is not null && ParseNumber(userCancel) != 0)
        {
            return code is null
                ? QqCallbackResult.Cancelled(state)
                : QqCallbackResult.NotCallback(nameof(Strings.NotCallbackCodeAndCancel));
        }

        if (code is not null)
        {
            if (raw[0]!.Length > MaxRawValueLength || code.Length > Guard.MaxValueLength || Guard.ContainsControl(code) || string.IsNullOrWhiteSpace(code))
            {
                return QqCallbackResult.NotCallback(nameof(Strings.NotCallbackCode));
            }

            return QqCallbackResult.Success(code, state);
        }

        return QqCallbackResult.NotCallback(nameof(Strings.NotCallbackEmpty));
    }

    private static QqCallbackResult Error(string? rawError, string? description, string? code, string? state)
    {
        int? errorCode = null;
        if (rawError is not null)
        {
            errorCode = ParseNumber(rawError);
            rawError = errorCode is null ? EchoedText.Clean(rawError, MaxRawErrorLength) : null;
        }
        else if (code is not null)
        {
            errorCode = ParseNumber(code);
        }

        if (description is not null)
        {
            description = TextCut.AtMost(description, MaxDescriptionLength);

            // A code that is not an error number might be a real authorization code: keep it out of every text.
            if (code is not null && ParseNumber(code) is null)
            {
                description = SecretRedactor.Redact(description, code);
            }

            // Text from the URL, so from anyone: control characters escaped (no forged log lines) and capped.
            description = EchoedText.Clean(description);
        }

        return QqCallbackResult.Failed(errorCode, rawError, description, state);
    }

    private static int? ParseNumber(string text) =>
        text.Length <= 16 && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static int IndexOfName(string query, int start, int length)
    {
        // The longest name is "error_description" (17); an encoded name is at most 3 characters per character.
        if (length == 0 || length > 3 * 17)
        {
            return -1;
        }

        var name = query.Substring(start, length);
        if (name.IndexOfAny(['%', '+']) >= 0)
        {
            name = Utf8Text.FormDecode(Encoding.UTF8.GetBytes(name), strict: false);
        }

        return Array.IndexOf(Names, name);
    }

    private static string? Decode(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var decoded = raw.IndexOfAny(Escapes) < 0 ? raw : Utf8Text.FormDecode(Encoding.UTF8.GetBytes(raw), strict: false);
        return decoded.Length == 0 ? null : decoded;
    }
}
