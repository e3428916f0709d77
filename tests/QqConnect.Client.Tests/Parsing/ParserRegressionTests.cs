using System.Text;
using QqConnect.Client.Parsing;
using QqConnect.Client.Tests.Infrastructure.Fuzzing;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>
/// Parser defects found by the fuzz properties (docs/fuzzing.md), each kept as a test that guards its fix and
/// tagged <c>[Trait("FuzzDefect", "…")]</c> with the defect's name (filter with <c>--filter FuzzDefect=…</c>).
/// All five were found and fixed together in commit 55e904a, before failing seeds were written down: the seed
/// that found each one is not known, so each test pins the shrunk input instead. A defect found from now on
/// names its property and its <c>CsCheck_Seed</c> here (see docs/fuzzing.md, "Replaying a failure").
/// </summary>
public sealed class ParserRegressionTests
{
    private static readonly Secrets Secrets = new("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");

    // Defect "zero-error-code" (fixed in ErrorFields, 55e904a; seed not recorded): ErrorFields.IsError ignored
    // error=0, but ErrorFields.Code took it anyway, so the real code from ret/code was lost.
    [Theory]
    [Trait("FuzzDefect", "zero-error-code")]
    [InlineData("{\"error\":0,\"ret\":1002,\"msg\":\"请先登录\"}", 1002)]
    [InlineData("{\"ret\":1002,\"msg\":\"请先登录\",\"error\":\"0\"}", 1002)]
    [InlineData("error=0&code=100010&msg=redirect+uri+is+illegal", 100010)]
    public void AnyParser_ZeroErrorBesideNonZeroRetOrCode_ReportsTheNonZeroCode(string body, int code)
    {
        foreach (var kind in FuzzHarness.Parsers)
        {
            var error = Assert.Throws<QqConnectApiException>(() => FuzzHarness.Parse(kind, FuzzHarness.OperationFor(kind, 0), Encoding.UTF8.GetBytes(body), Secrets));
            Assert.Equal(code, error.ErrorCode);
        }
    }

    // Defect "form-first-name" (fixed in BodySniffer, 55e904a; seed not recorded): BodySniffer accepted form pairs
    // only when the first name was made of [A-Za-z0-9_$.%-], so the same fields in another order parsed and the
    // outcome depended on field order. '+' (an encoded space), '~' and '*' are legal in
    // application/x-www-form-urlencoded names.
    [Theory]
    [Trait("FuzzDefect", "form-first-name")]
    [InlineData("x+y=1&access_token=FE04A1B2C3D4E5F60718293A4B5CCCE2&expires_in=7776000")]
    [InlineData("x~y=1&access_token=FE04A1B2C3D4E5F60718293A4B5CCCE2&expires_in=7776000")]
    [InlineData("x*y=1&access_token=FE04A1B2C3D4E5F60718293A4B5CCCE2&expires_in=7776000")]
    public void TokenParser_FormBodyStartingWithAnyLegalFieldName_ParsesLikeTheReorderedBody(string body)
    {
        var pairs = body.Split('&');
        var reordered = string.Join('&', pairs.Skip(1).Append(pairs[0]));
        var expected = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.ExchangeCode, Encoding.UTF8.GetBytes(reordered), Secrets);

        var actual = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.ExchangeCode, Encoding.UTF8.GetBytes(body), Secrets);

        Assert.Equal(expected.AccessToken, actual.AccessToken);
        Assert.Equal(expected.ExpiresIn, actual.ExpiresIn);
        Assert.Equal(BodyShape.Form, BodySniffer.Sniff(Encoding.UTF8.GetBytes(body), out _));
    }

    // Defect "empty-error-field" (fixed in ErrorFields, 55e904a; seed not recorded): an empty error field beside
    // a successful answer must not turn it into an error.
    [Fact]
    [Trait("FuzzDefect", "empty-error-field")]
    public void AnyParser_EmptyErrorField_IsNoError()
    {
        var token = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.ExchangeCode, "{\"error\":\"\",\"access_token\":\"A1B2\",\"expires_in\":60}"u8.ToArray(), Secrets);

        Assert.Equal("A1B2", token.AccessToken);
    }

    // Defect "bom-after-white-space" (fixed in BodySniffer, 55e904a; seed not recorded): white space before the
    // BOM made a valid answer "an unrecognised body".
    [Fact]
    [Trait("FuzzDefect", "bom-after-white-space")]
    public void AnyParser_WhiteSpaceBeforeTheBom_IsTolerated()
    {
        var token = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.Refresh, " \n\uFEFFaccess_token=A1B2&expires_in=60"u8.ToArray(), Secrets);

        Assert.Equal("A1B2", token.AccessToken);
    }

    // Defect "secret-in-other-case" (fixed in SecretRedactor, 55e904a; seed not recorded): a secret echoed back
    // in another letter case (hex tokens are case-insensitive) escaped redaction.
    [Fact]
    [Trait("FuzzDefect", "secret-in-other-case")]
    public void AnyParser_SecretEchoedInOtherCase_IsMaskedToo()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"error\":100016,\"error_description\":\"bad token {Secrets.Secret.ToLowerInvariant()}\"}}");

        var error = Assert.Throws<QqConnectApiException>(() => FuzzHarness.Parse(ParserKind.OpenId, QqConnectOperation.GetOpenId, body, Secrets));

        Assert.Equal("bad token ***", error.ErrorDescription);
        Assert.DoesNotContain(Secrets.Secret, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
