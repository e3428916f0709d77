using QqConnect.Client.Parsing;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>The three parsers behind <see cref="ResponseParser"/>.</summary>
internal enum ParserKind
{
    Token,
    OpenId,
    UserInfo,
}
