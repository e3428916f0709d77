using System.Text;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>Parser defects found by the fuzz properties, each kept as a test that guards its fix.</summary>
public sealed class ParserRegressionTests
{
    private static readonly Secrets Secrets = new("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");

    // ErrorFields.IsError ignores error=0, but ErrorFields.Code takes it anyway, so the real code from ret/code is lost.
    [Theory]
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

    // BodySniffer accepts form pairs only when the first name is made of [A-Za-z0-9_$.%-]: the same fields in
    // another order parse, so the outcome depends on field order. '+' (an encoded space), '~' and '*' are legal
    // in application/x-www-form-urlencoded names.
    [Theory]
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

    [Fact]
    public void AnyParser_EmptyErrorField_IsNoError()
    {
        var token = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.ExchangeCode, "{\"error\":\"\",\"access_token\":\"A1B2\",\"expires_in\":60}"u8.ToArray(), Secrets);

        Assert.Equal("A1B2", token.AccessToken);
    }

    [Fact]
    public void AnyParser_WhiteSpaceBeforeTheBom_IsTolerated()
    {
        var token = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.Refresh, " \n\uFEFFaccess_token=A1B2&expires_in=60"u8.ToArray(), Secrets);

        Assert.Equal("A1B2", token.AccessToken);
    }

    [Fact]
    public void AnyParser_SecretEchoedInOtherCase_IsMaskedToo()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"error\":100016,\"error_description\":\"bad token {Secrets.Secret.ToLowerInvariant()}\"}}");

        var error = Assert.Throws<QqConnectApiException>(() => FuzzHarness.Parse(ParserKind.OpenId, QqConnectOperation.GetOpenId, body, Secrets));

        Assert.Equal("bad token ***", error.ErrorDescription);
        Assert.DoesNotContain(Secrets.Secret, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
