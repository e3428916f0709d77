using System.Globalization;
using System.Text.Json;
using CsCheck;
using QqConnect.Client.Internal;
using QqConnect.Client.Tests.Infrastructure.Fuzzing;
using Xunit.Abstractions;

namespace QqConnect.Client.Tests.Parsing;

/// <summary>
/// Generated valid values, written in every shape the protocol allows (form pairs, JSON, JSONP; any field order,
/// spacing, escapes, BOM, trailing newline, unknown fields), parse back to exactly those values.
/// Generated errors, in each error shape, become <see cref="QqConnectApiException"/> with that code and description.
/// </summary>
public sealed class ParserEquivalenceFuzzTests
{
    private const long MaxLifetime = 100L * 365 * 24 * 3600;

    /// <summary>
    /// Tokens and ids the next call would accept as arguments; an unusable one (blank, control characters, too long)
    /// is an invalid answer, covered by <see cref="UnusableValueTests"/>.
    /// </summary>
    private static readonly Gen<string> UsableToken = WireValues.Token.Where(token => Guard.IsUsable(token));

    private static readonly Gen<string?> OptionalToken = Gen.Frequency(
        (3, UsableToken.Select(token => (string?)token)),
        (1, Gen.Const((string?)null)));

    private readonly ITestOutputHelper _output;

    public ParserEquivalenceFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TokenParser_ValidTokenInAnyShape_ParsesToTheGeneratedValues()
    {
        var cases =
            from access in UsableToken
            from refresh in OptionalToken
            from absentAs in Gen.Int[0, 2]
            from expires in Gen.Frequency((1, Gen.OneOf(7_776_000L, 5_184_000L, 1L, MaxLifetime)), (3, Gen.Long[1, MaxLifetime]))
            from extras in WireValues.UnknownFields
            from style in WireStyle.Any
            let fields = Concat(
                [WireField.Text("access_token", access), WireField.Integer("expires_in", expires)],
                Optional("refresh_token", refresh, absentAs),
                extras)
            select new RenderedCase<(string Access, string? Refresh, long Expires)>((access, refresh, expires), WireRenderer.Render(fields, style), style);

        cases.Sample(
            c =>
            {
                var secrets = new Secrets("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");
                var token = (QqAccessToken)FuzzHarness.Parse(ParserKind.Token, QqConnectOperation.ExchangeCode, c.Body, secrets);
                Assert.Equal(c.Expected.Access, token.AccessToken);
                Assert.Equal(c.Expected.Refresh, token.RefreshToken);
                Assert.Equal(TimeSpan.FromSeconds(c.Expected.Expires), token.ExpiresIn);
                Assert.Equal(FuzzHarness.Now + TimeSpan.FromSeconds(c.Expected.Expires), token.ExpiresAt);
            },
            iter: FuzzConfig.Iterations(10_000),
            writeLine: _output.WriteLine,
            print: c => c.ToString());
    }

    [Fact]
    public void OpenIdParser_ValidIdsInAnyShape_ParsesToTheGeneratedValues()
    {
        var appId = Gen.Int[100_000_000, 999_999_999].Select(id => id.ToString(CultureInfo.InvariantCulture));
        var cases =
            from clientId in Gen.Frequency((3, appId), (1, UsableToken))
            from clientIdAsNumber in Gen.Bool
            from openId in UsableToken
            from unionId in OptionalToken
            from absentAs in Gen.Int[0, 2]
            from extras in WireValues.UnknownFields
            from style in WireStyle.Any
            let clientField = clientIdAsNumber && clientId.All(char.IsAsciiDigit) && clientId[0] != '0'
                ? new WireField("client_id", WireKind.Integer, clientId)
                : WireField.Text("client_id", clientId)
            let fields = Concat([clientField, WireField.Text("openid", openId)], Optional("unionid", unionId, absentAs), extras)
            select new RenderedCase<(string ClientId, string OpenId, string? UnionId)>((clientId, openId, unionId), WireRenderer.Render(fields, style), style);

        cases.Sample(
            c =>
            {
                var secrets = new Secrets("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");
                var id = (QqOpenId)FuzzHarness.Parse(ParserKind.OpenId, QqConnectOperation.GetOpenId, c.Body, secrets);
                Assert.Equal(c.Expected.ClientId, id.ClientId);
                Assert.Equal(c.Expected.OpenId, id.OpenId);
                Assert.Equal(c.Expected.UnionId, id.UnionId);
            },
            iter: FuzzConfig.Iterations(10_000),
            writeLine: _output.WriteLine,
            print: c => c.ToString());
    }

    [Fact]
    public void UserInfoParser_ValidProfileInAnyShape_ParsesToTheGeneratedValues()
    {
        var cases =
            from profile in Profile.Generator
            from style in WireStyle.Any
            select new RenderedCase<Profile>(profile, WireRenderer.Render(profile.Fields(), style), style);

        cases.Sample(
            c =>
            {
                var secrets = new Secrets("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");
                var user = (QqUserInfo)FuzzHarness.Parse(ParserKind.UserInfo, QqConnectOperation.GetUserInfo, c.Body, secrets);
                c.Expected.AssertMatches(user, c.Style.Shape);
            },
            iter: FuzzConfig.Iterations(8_000),
            writeLine: _output.WriteLine,
            print: c => c.ToString());
    }

    [Fact]
    public void AnyParser_ErrorInAnyShape_ThrowsApiExceptionWithTheCodeAndTrimmedDescription()
    {
        var cases =
            from error in ErrorCases.Any
            from style in WireStyle.Any
            select new RenderedCase<ErrorCase>(error, WireRenderer.Render(error.Fields(), style), style);

        cases.Sample(
            c =>
            {
                var secrets = new Secrets("00112233445566778899AABBCCDDEEFF", "FFEEDDCCBBAA99887766554433221100");
                foreach (var kind in FuzzHarness.Parsers)
                {
                    var operation = FuzzHarness.OperationFor(kind, c.Body.Length);
                    var error = Assert.Throws<QqConnectApiException>(() => FuzzHarness.Parse(kind, operation, c.Body, secrets));
                    Assert.Equal(c.Expected.Code, error.ErrorCode);
                    // Echoed with control characters escaped (no forged log lines) and capped.
                    Assert.Equal(c.Expected.Description?.Trim() is { } description ? EchoedText.Clean(description) : null, error.ErrorDescription);
                    Assert.Equal(QqConnectErrorKind.ApiError, error.Kind);
                    Assert.Equal(operation, error.Operation);
                    Assert.Same(QqErrorCodes.Find(c.Expected.Code), error.ErrorInfo);
                    Assert.Contains(c.Expected.Code.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
                }
            },
            iter: FuzzConfig.Iterations(10_000),
            writeLine: _output.WriteLine,
            print: c => c.ToString());
    }

    private static WireField[] Concat(WireField[] required, WireField[] optional, WireField[] extras) => [.. required, .. optional, .. extras];

    /// <summary>An optional text field: a value, or (when null) left out, sent empty, or sent as JSON null.</summary>
    private static WireField[] Optional(string name, string? value, int absentAs) => value is not null
        ? [WireField.Text(name, value)]
        : absentAs switch
        {
            0 => [],
            1 => [WireField.Text(name, string.Empty)],
            _ => [WireField.Raw(name, "null")],
        };
}

/// <summary>Expected values and the body they were written as.</summary>
internal sealed record RenderedCase<T>(T Expected, byte[] Body, WireStyle Style)
{
    public override string ToString() => $"{Expected} as {Style}: {Printable.Bytes(Body)}";
}

/// <summary>The error spellings: OAuth's error/error_description, the older code/msg, and OpenAPI's ret/msg.</summary>
internal enum ErrorForm
{
    ErrorDescription,
    CodeMsg,
    RetMsg,
}

/// <summary>One error answer: its spelling, code, description (null when absent) and other fields.</summary>
internal sealed record ErrorCase(ErrorForm Form, int Code, string? Description, WireField[] Others, bool CodeAsText = false, bool NullDescription = false)
{
    public WireField[] Fields()
    {
        var (codeName, textName) = Form switch
        {
            ErrorForm.ErrorDescription => ("error", "error_description"),
            ErrorForm.CodeMsg => ("code", "msg"),
            _ => ("ret", "msg"),
        };
        var code = CodeAsText ? WireField.Text(codeName, Code.ToString(CultureInfo.InvariantCulture)) : WireField.Integer(codeName, Code);
        WireField[] description = Description is not null ? [WireField.Text(textName, Description)] : NullDescription ? [WireField.Raw(textName, "null")] : [];
        return [code, .. description, .. Others];
    }

    public override string ToString() => $"{Form} {Code} \"{Description}\" (+{Others.Length} fields)";
}

internal static class ErrorCases
{
    /// <summary>Codes QQ documents, and any other non-zero code (0 means success).</summary>
    public static readonly Gen<int> Code = Gen.Frequency(
        (3, Gen.OneOf(QqErrorCodes.All.Select(info => info.Code).ToArray())),
        (2, Gen.Int.Where(code => code != 0)),
        (1, Gen.Int[-100, 100].Where(code => code != 0)));

    /// <summary>Descriptions as QQ writes them, sometimes with white space around (a trailing space occurs).</summary>
    public static readonly Gen<string?> Description = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (5, Gen.Select(Gen.OneOf("", " ", "  ", "\t", "\n", "\u3000"), WireValues.Text, Gen.OneOf("", " ", "  ", "\r\n", "\u00A0"), (before, text, after) => (string?)(before + text + after))));

    /// <summary>Fields of a successful answer that may come along with an error; they change nothing.</summary>
    private static readonly Gen<WireField[]> Noise = Gen.OneOf<WireField[]>(
        [],
        [WireField.Text("nickname", "qzuser")],
        [WireField.Text("access_token", "FE04A1B2C3D4E5F60718293A4B5CCCE2"), WireField.Integer("expires_in", 7_776_000)],
        [WireField.Text("client_id", "101000001"), WireField.Text("openid", "4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B")]);

    public static readonly Gen<ErrorCase> Any = Gen.Select(Gen.Enum<ErrorForm>(), Code, Description, Noise, WireValues.UnknownFields, Gen.Bool, Gen.Bool, (form, code, description, noise, extras, codeAsText, nullDescription) =>
        new ErrorCase(form, code, description, [.. noise, .. extras], codeAsText, nullDescription));
}

/// <summary>A generated get_user_info answer: every mapped field, ret/msg, and unknown fields.</summary>
internal sealed record Profile(string Nickname, string?[] Texts, int?[] Numbers, bool[] AbsentAsEmpty, (int Ret, bool Present, string Msg) Status, WireField[] Extras)
{
    public static readonly string[] TextNames =
        ["gender", "province", "city", "constellation", "figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "figureurl_qq"];

    public static readonly string[] NumberNames =
        ["gender_type", "year", "figureurl_type", "is_lost", "vip", "level", "is_yellow_vip", "yellow_vip_level", "is_yellow_year_vip"];

    private static readonly Gen<string> Url =
        Gen.Select(Gen.OneOf("http://thirdqq.qlogo.cn/g?b=oidb&k=", "http://qzapp.qlogo.cn/qzapp/101000001/", "http://q.qlogo.cn/qqapp/101000001/"), FuzzHarness.HexSecret, Gen.OneOf("/30", "&s=40&t=1557000000", "/100", "/640"), string.Concat);

    private static readonly Gen<string?> TextValue = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (3, WireValues.Text.Select(text => (string?)text)),
        (2, Url.Select(url => (string?)url)),
        (1, Gen.OneOf("男", "女", "").Select(text => (string?)text)));

    /// <summary>The URL fields: web URLs, empty, absent, or values that are no web URL (which read as absent).</summary>
    private static readonly Gen<string?> UrlValue = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (4, Url.Select(url => (string?)url)),
        (1, Gen.Const((string?)"")),
        (2, Gen.Select(Gen.OneOf("javascript:", "data:", "/", "//", "ftp://", "x:"), WireValues.Text, (scheme, text) => (string?)(scheme + text))));

    private static readonly int UrlFieldsFrom = Array.IndexOf(TextNames, "figureurl");

    private static readonly Gen<int?> NumberValue = Gen.Frequency(
        (1, Gen.Const((int?)null)),
        (2, Gen.OneOf(0, 1, 2).Select(n => (int?)n)),
        (2, Gen.Int[-5, 3000].Select(n => (int?)n)),
        (1, Gen.Int.Select(n => (int?)n)));

    public static readonly Gen<Profile> Generator = Gen.Select(
        Gen.Frequency((4, WireValues.Text), (1, Gen.Const("qzuser"))),
        Gen.Select(TextValue.Array[UrlFieldsFrom], UrlValue.Array[TextNames.Length - UrlFieldsFrom], (texts, urls) => (string?[])[.. texts, .. urls]),
        NumberValue.Array[NumberNames.Length],
        Gen.Bool.Array[TextNames.Length + NumberNames.Length],
        Gen.Select(Gen.Bool, WireValues.Text, (present, msg) => (0, present, msg)),
        WireValues.UnknownFields,
        (nickname, texts, numbers, absent, status, extras) => new Profile(nickname, texts, numbers, absent, status, extras));

    public WireField[] Fields()
    {
        var fields = new List<WireField> { WireField.Text("nickname", Nickname) };
        for (var i = 0; i < TextNames.Length; i++)
        {
            if (Texts[i] is { } text)
            {
                fields.Add(WireField.Text(TextNames[i], text));
            }
            else if (AbsentAsEmpty[i])
            {
                fields.Add(WireField.Raw(TextNames[i], "null"));
            }
        }

        for (var i = 0; i < NumberNames.Length; i++)
        {
            if (Numbers[i] is { } number)
            {
                fields.Add(WireField.Integer(NumberNames[i], number));
            }
            else if (AbsentAsEmpty[TextNames.Length + i])
            {
                // QQ sends "year":"" for an unknown year: an empty value reads as absent.
                fields.Add(WireField.Text(NumberNames[i], string.Empty));
            }
        }

        if (Status.Present)
        {
            fields.Add(WireField.Integer("ret", Status.Ret));
            fields.Add(WireField.Text("msg", Status.Msg));
        }

        fields.AddRange(Extras);
        return [.. fields];
    }

    public void AssertMatches(QqUserInfo user, WireShape shape)
    {
        Assert.Equal(Nickname, user.Nickname);
        string?[] texts = [user.Gender, user.Province, user.City, user.Constellation, user.FigureUrl, user.FigureUrl1, user.FigureUrl2, user.FigureUrlQq1, user.FigureUrlQq2, user.FigureUrlQq];
        for (var i = 0; i < TextNames.Length; i++)
        {
            // Generated URLs are web URLs; any other non-empty value of a URL field reads as absent.
            var expectedText = i >= UrlFieldsFrom && Texts[i] is { Length: > 0 } text && !text.StartsWith("http://", StringComparison.Ordinal) ? null : Texts[i];
            Assert.True(expectedText == texts[i], $"{TextNames[i]}: expected {expectedText ?? "(null)"}, got {texts[i] ?? "(null)"}");
        }

        int? Number(string name) => Numbers[Array.IndexOf(NumberNames, name)];
        Assert.Equal(Number("gender_type"), user.GenderType);
        Assert.Equal(Number("year"), user.Year);
        Assert.Equal(Number("figureurl_type"), user.FigureUrlType);
        Assert.Equal(Number("is_lost") is { } lost && lost != 0, user.IsLost);
        Assert.Equal(Number("vip") is { } vip && vip != 0, user.IsVip);
        Assert.Equal(Number("level") ?? 0, user.Level);
        Assert.Equal(Number("is_yellow_vip") is { } yellow && yellow != 0, user.IsYellowVip);
        Assert.Equal(Number("yellow_vip_level") ?? 0, user.YellowVipLevel);
        Assert.Equal(Number("is_yellow_year_vip") is { } year && year != 0, user.IsYellowYearVip);

        // Unknown fields are kept as sent; a form body has no JSON literals, so those are not sent there.
        var expected = Extras.Where(field => shape != WireShape.Form || field.Kind != WireKind.RawJson).ToDictionary(field => field.Name, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), user.AdditionalFields.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, field) in expected)
        {
            var element = user.AdditionalFields[name];
            var actual = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            Assert.True(field.Value == actual, $"{name}: expected {field.Value}, got {actual} ({element.ValueKind})");
            if (field.Kind == WireKind.Text)
            {
                Assert.Equal(JsonValueKind.String, element.ValueKind);
            }
        }
    }

    public override string ToString() => $"Profile {{ Nickname = {Nickname}, {Extras.Length} extras }}";
}
