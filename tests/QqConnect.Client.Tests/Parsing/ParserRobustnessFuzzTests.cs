using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using QqConnect.Client.Tests.Infrastructure.Fuzzing;
using Xunit.Abstractions;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>
/// Whatever bytes arrive, each parser returns a well-formed result or throws <see cref="QqConnectException"/>
/// (never NullReferenceException, IndexOutOfRangeException, JsonException, FormatException, OverflowException...),
/// and no exception message carries the app key or the call's code or token.
/// </summary>
public sealed class ParserRobustnessFuzzTests
{
    /// <summary>Beginnings that steer random bytes past the sniffer into each reader.</summary>
    private static readonly string[] ShapePrefixes =
    [
        string.Empty, "{", "{\"", "{\"error\":", "{\"ret\":", "{\"nickname\":\"", "{\"expires_in\":", "callback(", "callback( {",
        "callback( {\"error\":", "\uFEFF{", "\uFEFF  access_token=", "access_token=", "expires_in=", "code=", "error=",
        "msg=", "client_id=", "x=", "[", "null", "<",
    ];

    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public ParserRobustnessFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AnyParser_RandomBytes_ThrowsOnlyQqConnectException()
    {
        var bodies = Gen.Select(Gen.OneOf(ShapePrefixes), Gen.Byte.Array[0, 200], FuzzHarness.SecretsGen, (prefix, bytes, secrets) =>
            new FuzzInput([.. Encoding.UTF8.GetBytes(prefix), .. bytes], secrets));

        bodies.Sample(input => FuzzHarness.AssertRobustEverywhere(input.Body, input.Secrets), iter: FuzzConfig.Iterations(10_000), writeLine: _output.WriteLine, print: input => input.ToString());
    }

    [Fact]
    public void AnyParser_RandomText_ThrowsOnlyQqConnectException()
    {
        var ascii = Gen.Char[' ', '~'].Array[0, 120].Select(chars => new string(chars));
        var unicode = Gen.String.Select(text => text);
        var protocolish = WireValues.Text;
        var bodies = Gen.Select(Gen.OneOf(ShapePrefixes), Gen.OneOf(ascii, unicode, protocolish), FuzzHarness.SecretsGen, (prefix, text, secrets) =>
            new FuzzInput(Encoding.UTF8.GetBytes(prefix + text), secrets));

        bodies.Sample(input => FuzzHarness.AssertRobustEverywhere(input.Body, input.Secrets), iter: FuzzConfig.Iterations(10_000), writeLine: _output.WriteLine, print: input => input.ToString());
    }

    [Fact]
    public void AnyParser_ProtocolTokenSoup_ThrowsOnlyQqConnectException()
    {
        // Random sequences of the protocol's own syntax and field names reach much deeper than random bytes.
        var soup = Gen.Frequency(
            (6, Gen.OneOf(BodyMutator.Tokens)),
            (2, Gen.OneOf(BodyMutator.HugeNumbers)),
            (2, WireValues.Text.Select(text => "\"" + text + "\"")),
            (1, Gen.OneOf(BodyMutator.InvalidUtf8).Select(bytes => Encoding.Latin1.GetString(bytes))));
        var bodies = Gen.Select(Gen.OneOf(ShapePrefixes), soup.Array[0, 40], FuzzHarness.SecretsGen, (prefix, pieces, secrets) =>
            new FuzzInput(SoupBytes(prefix, pieces), secrets));

        bodies.Sample(input => FuzzHarness.AssertRobustEverywhere(input.Body, input.Secrets), iter: FuzzConfig.Iterations(15_000), writeLine: _output.WriteLine, print: input => input.ToString());
    }

    [Fact]
    public void AnyParser_MutatedFixture_ThrowsOnlyQqConnectExceptionAndNeverLeaksSecrets()
    {
        BodyMutator.MutatedFixture.Sample(
            input => FuzzHarness.AssertRobustEverywhere(input.Body, input.Secrets),
            iter: FuzzConfig.Iterations(30_000),
            writeLine: _output.WriteLine,
            print: input => input.ToString());
    }

    [Fact]
    public void AnyParser_DeeplyNestedValue_ThrowsOnlyQqConnectException()
    {
        var nested =
            from depth in Gen.Int[1, 3000]
            from kind in Gen.Int[0, 3]
            from balanced in Gen.Bool
            from field in Gen.OneOf("nickname", "x_extra", "error", "expires_in", "client_id", "msg", "ret")
            from shape in Gen.Enum<WireShape>()
            from secrets in FuzzHarness.SecretsGen
            let open = kind switch { 0 => "[", 1 => "{\"a\":", 2 => "{\"a\":[", _ => "[{\"b\":" }
            let close = kind switch { 0 => "]", 1 => "}", 2 => "]}", _ => "}]" }
            let value = string.Concat(Enumerable.Repeat(open, depth)) + "0" + (balanced ? string.Concat(Enumerable.Repeat(close, depth)) : string.Empty)
            let json = "{\"nickname\":\"n\",\"access_token\":\"A\",\"expires_in\":1,\"client_id\":\"1\",\"openid\":\"O\",\"" + field + "\":" + value + "}"
            select new FuzzInput(Encoding.UTF8.GetBytes(shape == WireShape.Jsonp ? "callback( " + json + " );" : shape == WireShape.Form ? field + "=" + value : json), secrets);

        nested.Sample(input => FuzzHarness.AssertRobustEverywhere(input.Body, input.Secrets), iter: FuzzConfig.Iterations(1_000), writeLine: _output.WriteLine, print: input => input.ToString());
    }

    [Fact]
    public void TokenParser_ExpiresInOutOfRangeOrNotAnInteger_ThrowsInvalidResponse()
    {
        var bodies =
            from expires in Gen.Frequency(
                (3, Gen.OneOf(BodyMutator.HugeNumbers).Where(n => n is not "2147483647" and not "2147483648" and not "4294967296" and not "9223372036854775807" and not "00012" and not "+5")),
                (2, Gen.Long[long.MinValue, 0].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (2, Gen.Long[(100L * 365 * 24 * 3600) + 1, long.MaxValue].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            from style in WireStyle.Any
            from secrets in FuzzHarness.SecretsGen
            let field = new WireField("expires_in", JsonNumber.IsMatch(expires) ? WireKind.Integer : WireKind.Text, expires)
            select (Body: WireRenderer.Render([WireField.Text("access_token", "A1"), field], style), Secrets: secrets);

        bodies.Sample(
            c =>
            {
                var error = Assert.ThrowsAny<QqConnectException>(() => FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.Refresh, c.Body, c.Secrets));
                Assert.Equal(QqConnectErrorKind.InvalidResponse, error.Kind);
                Assert.Contains("expires_in", error.Message, StringComparison.Ordinal);
            },
            iter: FuzzConfig.Iterations(3_000),
            writeLine: _output.WriteLine,
            print: t => Printable.Bytes(t.Body));
    }

    [Fact]
    public void ErrorAnswer_DescriptionCarryingTheSecrets_NeverPutsThemInTheException()
    {
        var cases =
            from secrets in FuzzHarness.SecretsGen
            from before in WireValues.Text
            from after in WireValues.Text
            from which in Gen.Int[0, 2]
            from form in Gen.Enum<ErrorForm>()
            from code in ErrorCases.Code
            from style in WireStyle.Any
            from parser in Gen.Enum<ParserKind>()
            let leaked = which switch { 0 => secrets.AppKey, 1 => secrets.Secret, _ => secrets.Secret + " " + secrets.AppKey }
            let error = new ErrorCase(form, code, before + leaked + after, [])
            select (Error: error, Body: WireRenderer.Render(error.Fields(), style), Secrets: secrets, Parser: parser);

        cases.Sample(
            c =>
            {
                var operation = FuzzHarness.OperationFor(c.Parser, c.Body.Length);
                var error = Assert.Throws<QqConnectApiException>(() => FuzzHarness.Parse(c.Parser, operation, c.Body, c.Secrets));
                Assert.Equal(c.Error.Code, error.ErrorCode);
                Assert.Contains("***", error.ErrorDescription, StringComparison.Ordinal);
                FuzzHarness.AssertSafeException(error, operation, c.Secrets);
            },
            iter: FuzzConfig.Iterations(5_000),
            writeLine: _output.WriteLine,
            print: c => $"{c.Secrets} {c.Parser}: {Printable.Bytes(c.Body)}");
    }

    // Exhaustive, not random: every prefix, every one-byte deletion and every one-byte replacement of every fixture.
    [Fact]
    public void AnyParser_EveryTruncationOfEveryFixture_ThrowsOnlyQqConnectException()
    {
        var secrets = new Secrets("0123456789ABCDEF0123456789ABCDEF", "FEDCBA9876543210FEDCBA9876543210");
        var count = 0;
        foreach (var (_, body) in BodyMutator.Fixtures)
        {
            for (var length = 0; length <= body.Length; length++)
            {
                FuzzHarness.AssertRobustEverywhere(body.AsSpan(0, length).ToArray(), secrets);
                count++;
            }
        }

        _output.WriteLine($"{count} truncated bodies, each through 3 parsers");
    }

    [Fact]
    public void AnyParser_EveryOneByteDeletionOrReplacementInEveryFixture_ThrowsOnlyQqConnectException()
    {
        byte[] replacements = [0x00, 0xFF, 0x80, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'&', (byte)'=', (byte)'(', (byte)')', (byte)'%', (byte)'9'];
        var secrets = new Secrets("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");
        var count = 0;
        foreach (var (_, body) in BodyMutator.Fixtures)
        {
            for (var i = 0; i < body.Length; i++)
            {
                FuzzHarness.AssertRobustEverywhere([.. body.AsSpan(0, i), .. body.AsSpan(i + 1)], secrets);
                count++;
                foreach (var replacement in replacements)
                {
                    var changed = (byte[])body.Clone();
                    changed[i] = replacement;
                    FuzzHarness.AssertRobustEverywhere(changed, secrets);
                    count++;
                }
            }
        }

        _output.WriteLine($"{count} edited bodies, each through 3 parsers");
    }

    private static byte[] SoupBytes(string prefix, string[] pieces)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(prefix));
        foreach (var piece in pieces)
        {
            // Latin-1 pieces carry raw (invalid UTF-8) bytes; everything else is text.
            bytes.AddRange(piece.Any(c => c is >= '\u0080' and <= '\u00FF') && piece.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(piece) : Encoding.UTF8.GetBytes(piece));
        }

        return [.. bytes];
    }
}

/// <summary>A body and the secrets of the call that received it.</summary>
internal sealed record FuzzInput(byte[] Body, Secrets Secrets)
{
    public override string ToString() => $"{Secrets}: {Printable.Bytes(Body)}";
}
