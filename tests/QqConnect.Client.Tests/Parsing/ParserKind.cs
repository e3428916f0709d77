using QqConnect.Client.Parsing;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>The three parsers behind <see cref="ResponseParser"/>.</summary>
internal enum ParserKind
{
    Token,
    OpenId,
    UserInfo,
}
