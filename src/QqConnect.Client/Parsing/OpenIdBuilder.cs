using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>Builds a <see cref="QqOpenId"/> from the fields of a <c>/oauth2.0/me</c> answer.</summary>
internal struct OpenIdBuilder : IResultBuilder<QqOpenId>
{
    private string? _clientId;
    private string? _openId;
    private string? _unionId;

    public void Field(ReadOnlySpan<byte> name, ref FieldValue value)
    {
        if (name.SequenceEqual("client_id"u8))
        {
            _clientId = value.GetString();
        }
        else if (name.SequenceEqual("openid"u8))
        {
            _openId = value.GetString();
        }
        else if (name.SequenceEqual("unionid"u8))
        {
            _unionId = value.GetString();
        }
    }

    public readonly QqOpenId Build(TimeProvider clock)
    {
        if (string.IsNullOrEmpty(_clientId))
        {
            throw new InvalidBodyException(Strings.BodyNoClientId);
        }

        if (string.IsNullOrEmpty(_openId))
        {
            throw new InvalidBodyException(Strings.BodyNoOpenId);
        }

        // The openid (and unionid) are arguments of the next calls or keys of the app's users; client_id is
        // compared with the app's ids and may be echoed: refuse what the next call would refuse.
        if (!Guard.IsUsable(_clientId))
        {
            throw new InvalidBodyException(Strings.BodyBadClientId);
        }

        if (!Guard.IsUsable(_openId))
        {
            throw new InvalidBodyException(Strings.BodyBadOpenId);
        }

        if (!string.IsNullOrEmpty(_unionId) && !Guard.IsUsable(_unionId))
        {
            throw new InvalidBodyException(Strings.BodyBadUnionId);
        }

        return new QqOpenId(_clientId!, _openId!, string.IsNullOrEmpty(_unionId) ? null : _unionId);
    }
}
