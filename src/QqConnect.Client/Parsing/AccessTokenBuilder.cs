using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>Builds a <see cref="QqAccessToken"/> from the fields of a token answer.</summary>
internal struct AccessTokenBuilder : IResultBuilder<QqAccessToken>
{
    private string? _accessToken;
    private string? _refreshToken;
    private long? _expiresIn;
    private string? _openId;

    public void Field(ReadOnlySpan<byte> name, ref FieldValue value)
    {
        if (name.SequenceEqual("access_token"u8))
        {
            _accessToken = value.GetString();
        }
        else if (name.SequenceEqual("refresh_token"u8))
        {
            _refreshToken = value.GetString();
        }
        else if (name.SequenceEqual("openid"u8))
        {
            _openId = value.GetString();
        }
        else if (name.SequenceEqual("expires_in"u8))
        {
            _expiresIn = value.TryGetInt64(out var seconds) ? seconds : throw new InvalidBodyException(Strings.BodyExpiresInNotNumber);
        }
    }

    public readonly QqAccessToken Build(TimeProvider clock)
    {
        if (string.IsNullOrEmpty(_accessToken))
        {
            throw new InvalidBodyException(Strings.BodyNoAccessToken);
        }

        // The tokens are arguments of the next calls: one those calls would refuse is an invalid answer now.
        if (!Guard.IsUsable(_accessToken))
        {
            throw new InvalidBodyException(Strings.BodyBadAccessToken);
        }

        if (!string.IsNullOrEmpty(_refreshToken) && !Guard.IsUsable(_refreshToken))
        {
            throw new InvalidBodyException(Strings.BodyBadRefreshToken);
        }

        // The openid (need_openid=1) is the next call's argument and the user's key: checked as /me's is. Empty or
        // absent means QQ did not send it (an older QQ, a proxy): the caller asks /me.
        if (!string.IsNullOrEmpty(_openId) && !Guard.IsUsable(_openId))
        {
            throw new InvalidBodyException(Strings.BodyBadOpenId);
        }

        // TimeSpan holds about 29,000 years; QQ's lifetimes are months.
        if (_expiresIn is not { } seconds || seconds <= 0 || seconds > 100L * 365 * 24 * 3600)
        {
            throw new InvalidBodyException(_expiresIn is null ? Strings.BodyNoExpiresIn : Strings.BodyExpiresInOutOfRange);
        }

        var expiresIn = TimeSpan.FromSeconds(seconds);
        var refreshToken = string.IsNullOrEmpty(_refreshToken) ? null : _refreshToken;
        return new QqAccessToken(_accessToken!, refreshToken, expiresIn, clock.GetUtcNow() + expiresIn)
        {
            OpenId = string.IsNullOrEmpty(_openId) ? null : _openId,
        };
    }
}
