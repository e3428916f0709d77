using QqConnect.Client.Internal;

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
            throw new InvalidBodyException("no client_id");
        }

        if (string.IsNullOrEmpty(_openId))
        {
            throw new InvalidBodyException("no openid");
        }

        // The openid (and unionid) are arguments of the next calls or keys of the app's users; client_id is
        // compared with the app's ids and may be echoed: refuse what the next call would refuse.
        if (!Guard.IsUsable(_clientId))
        {
            throw new InvalidBodyException("a client_id that is blank, too long or holds control characters");
        }

        if (!Guard.IsUsable(_openId))
        {
            throw new InvalidBodyException("an openid that is blank, too long or holds control characters");
        }

        if (!string.IsNullOrEmpty(_unionId) && !Guard.IsUsable(_unionId))
        {
            throw new InvalidBodyException("a unionid that is blank, too long or holds control characters");
        }

        return new QqOpenId(_clientId!, _openId!, string.IsNullOrEmpty(_unionId) ? null : _unionId);
    }
}
