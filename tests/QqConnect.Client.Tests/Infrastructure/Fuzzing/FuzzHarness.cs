using CsCheck;
using Microsoft.Extensions.Time.Testing;
using QqConnect.Client.Parsing;
using QqConnect.Client.Transport;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>Calls the parsers the way the client does, and checks what may come out of them.</summary>
internal static class FuzzHarness
{
    /// <summary>The clock every parse uses, so that <see cref="QqAccessToken.ExpiresAt"/> is predictable.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly ParserKind[] Parsers = [ParserKind.Token, ParserKind.OpenId, ParserKind.UserInfo];

    private static readonly FakeTimeProvider Clock = new(Now);

    /// <summary>Names the user-info parser maps to properties (so never found among the additional fields).</summary>
    private static readonly HashSet<string> MappedOrErrorNames = new(StringComparer.Ordinal)
    {
        "nickname", "gender", "gender_type", "province", "city", "year", "constellation", "figureurl", "figureurl_1",
        "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "figureurl_qq", "figureurl_type", "is_lost", "vip", "level",
        "is_yellow_vip", "yellow_vip_level", "is_yellow_year_vip", "error", "error_description", "ret", "code", "msg",
    };

    /// <summary>Realistic secrets: 32 hex digits, upper or lower case, like QQ's app keys, codes and tokens.</summary>
    public static readonly Gen<string> HexSecret =
        Gen.Select(Gen.Char["0123456789ABCDEF"].Array[32], Gen.Bool, (chars, lower) =>
        {
            var text = new string(chars);
            return lower ? text.ToLowerInvariant() : text;
        });

    public static readonly Gen<Secrets> SecretsGen = Gen.Select(HexSecret, HexSecret, (appKey, secret) => new Secrets(appKey, secret));

    /// <summary>The operation a parser serves; the token parser serves two, picked by <paramref name="variant"/>.</summary>
    public static QqConnectOperation OperationFor(ParserKind kind, int variant) => kind switch
    {
        ParserKind.Token => (variant & 1) == 0 ? QqConnectOperation.ExchangeCode : QqConnectOperation.Refresh,
        ParserKind.OpenId => QqConnectOperation.GetOpenId,
        _ => QqConnectOperation.GetUserInfo,
    };

    /// <summary>Parses <paramref name="body"/> with one parser, as the client would for <paramref name="operation"/>.</summary>
    public static object Parse(ParserKind kind, QqConnectOperation operation, byte[] body, Secrets secrets)
    {
        var context = new CallContext(operation, secrets.AppKey, secrets.Secret);
        return kind switch
        {
            ParserKind.Token => ValueOrThrow(context, ResponseParser.Parse<AccessTokenBuilder, QqAccessToken>(body, Clock)),
            ParserKind.OpenId => ValueOrThrow(context, ResponseParser.Parse<OpenIdBuilder, QqOpenId>(body, Clock)),
            _ => ValueOrThrow(context, ResponseParser.Parse<UserInfoBuilder, QqUserInfo>(body, Clock)),
        };
    }

    // As the transport does: the result, or the call's exception for the parser's failure.
    private static T ValueOrThrow<T>(CallContext context, ParseResult<T> parsed) =>
        parsed.Failure is { } failure ? throw context.Fail(failure) : parsed.Value;

    /// <summary>
    /// The robustness property: the parser returns a well-formed result or throws a <see cref="QqConnectException"/>
    /// that names the call and carries no secret. Anything else fails with a <see cref="FuzzPropertyException"/>.
    /// </summary>
    /// <returns>What happened: 'R' a result, 'A' a QQ error (API exception), 'I' an invalid-response exception.</returns>
    public static char AssertRobust(ParserKind kind, QqConnectOperation operation, byte[] body, Secrets secrets)
    {
        object result;
        try
        {
            result = Parse(kind, operation, body, secrets);
        }
        catch (QqConnectException ex)
        {
            AssertSafeException(ex, operation, secrets);
            return ex is QqConnectApiException ? 'A' : 'I';
        }
        catch (Exception ex)
        {
            throw new FuzzPropertyException($"{kind} parser let {ex.GetType().FullName} escape: {ex.Message}", ex);
        }

        AssertWellFormed(result);
        return 'R';
    }

    /// <summary>Runs every parser (the token parser as either call) on one body.</summary>
    /// <returns>The outcomes for CsCheck's classification table, e.g. "token=R openid=I userinfo=I".</returns>
    public static string AssertRobustEverywhere(byte[] body, Secrets secrets)
    {
        var token = AssertRobust(ParserKind.Token, OperationFor(ParserKind.Token, body.Length), body, secrets);
        var openId = AssertRobust(ParserKind.OpenId, QqConnectOperation.GetOpenId, body, secrets);
        var userInfo = AssertRobust(ParserKind.UserInfo, QqConnectOperation.GetUserInfo, body, secrets);
        return $"token={token} openid={openId} userinfo={userInfo}";
    }

    public static void AssertSafeException(QqConnectException ex, QqConnectOperation operation, Secrets secrets)
    {
        if (ex.Operation != operation)
        {
            throw new FuzzPropertyException($"exception names {ex.Operation}, the call was {operation}");
        }

        if (ex is QqConnectApiException api)
        {
            if (ex.Kind != QqConnectErrorKind.ApiError)
            {
                throw new FuzzPropertyException($"API exception of kind {ex.Kind}");
            }

            AssertNoSecret("ErrorDescription", api.ErrorDescription, secrets);
        }
        else if (ex.Kind != QqConnectErrorKind.InvalidResponse)
        {
            throw new FuzzPropertyException($"parser raised kind {ex.Kind}, expected InvalidResponse");
        }

        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            AssertNoSecret(current.GetType().Name + ".Message", current.Message, secrets);
        }
    }

    public static void AssertNoSecret(string where, string? text, Secrets secrets)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in secrets.All())
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                throw new FuzzPropertyException($"{where} contains the secret {secret}: {text}");
            }
        }
    }

    /// <summary>What every successful result must satisfy, whatever the input.</summary>
    public static void AssertWellFormed(object result)
    {
        switch (result)
        {
            case QqAccessToken token:
                Require(!string.IsNullOrEmpty(token.AccessToken), "empty access token");
                Require(token.RefreshToken is null || token.RefreshToken.Length > 0, "empty (not null) refresh token");
                Require(token.ExpiresIn > TimeSpan.Zero, "non-positive lifetime");
                Require(token.ExpiresAt == Now + token.ExpiresIn, "ExpiresAt is not now + ExpiresIn");
                break;
            case QqOpenId id:
                Require(!string.IsNullOrEmpty(id.ClientId), "empty client_id");
                Require(!string.IsNullOrEmpty(id.OpenId), "empty openid");
                Require(id.UnionId is null || id.UnionId.Length > 0, "empty (not null) unionid");
                break;
            case QqUserInfo user:
                Require(user.Nickname is not null, "null nickname");
                Require(user.AdditionalFields is not null, "null AdditionalFields");
                foreach (var name in user.AdditionalFields!.Keys)
                {
                    Require(!MappedOrErrorNames.Contains(name), $"mapped or error field '{name}' among AdditionalFields");
                }

                break;
            default:
                throw new FuzzPropertyException($"unexpected result type {result.GetType()}");
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzPropertyException(what);
        }
    }
}
