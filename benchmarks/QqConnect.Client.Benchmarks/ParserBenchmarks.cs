using System.Text.Json;
using BenchmarkDotNet.Attributes;
using QqConnect.Client.Benchmarks.Baselines;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Benchmarks;

// One class per body. "Sdk" is ResponseParser.Parse<TBuilder, T> (sniffing, error detection, the model), the
// others are the hand-written alternatives; every one starts from the same bytes and returns the same values,
// checked once in [GlobalSetup].

/// <summary>Token answer, default (form) shape.</summary>
[MemoryDiagnoser]
public class TokenFormParsing
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Fixtures.TokenForm;
        var expected = TokenValues.From(Sdk());
        Same.Check(nameof(NaiveSplit), expected, NaiveSplit());
        Same.Check(nameof(HttpUtilityParseQueryString), expected, HttpUtilityParseQueryString());
    }

    [Benchmark(Baseline = true, Description = "split on & and = (tutorial)")]
    public TokenValues NaiveSplit() => HandWritten.NaiveSplitForm(_body);

    [Benchmark(Description = "HttpUtility.ParseQueryString")]
    public TokenValues HttpUtilityParseQueryString() => HandWritten.HttpUtilityForm(_body);

    [Benchmark(Description = "SDK ResponseParser")]
    public QqAccessToken Sdk() => ResponseParser.Parse<AccessTokenBuilder, QqAccessToken>(_body, TimeProvider.System).Value;
}

/// <summary>Token answer with <c>fmt=json</c> (expires_in a string).</summary>
[MemoryDiagnoser]
public class TokenJsonParsing
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Fixtures.TokenJson;
        var expected = TokenValues.From(Sdk());
        Same.Check(nameof(DeserializeSourceGen), expected, DeserializeSourceGen().ToValues());
        Same.Check(nameof(DeserializeReflection), expected, DeserializeReflection().ToValues());
        Same.Check(nameof(JsonDocumentParse), expected, JsonDocumentParse());
        Same.Check(nameof(HandRolledReader), expected, HandRolledReader());
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer DTO (source-gen)")]
    public TokenDto DeserializeSourceGen() => JsonSerializer.Deserialize(_body, QqJsonContext.Default.TokenDto)!.Checked();

    [Benchmark(Description = "JsonSerializer DTO (reflection)")]
    public TokenDto DeserializeReflection() => JsonSerializer.Deserialize<TokenDto>(_body, ReflectionJson.Options)!.Checked();

    [Benchmark(Description = "JsonDocument")]
    public TokenValues JsonDocumentParse() => HandWritten.JsonDocumentToken(_body);

    [Benchmark(Description = "Utf8JsonReader by hand (floor)")]
    public TokenValues HandRolledReader() => Floor.ReadToken(_body);

    [Benchmark(Description = "SDK ResponseParser")]
    public QqAccessToken Sdk() => ResponseParser.Parse<AccessTokenBuilder, QqAccessToken>(_body, TimeProvider.System).Value;
}

/// <summary><c>/oauth2.0/me</c> default (JSONP) shape.</summary>
[MemoryDiagnoser]
public class MeJsonpParsing
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Fixtures.MeJsonp;
        var expected = OpenIdValues.From(Sdk());
        Same.Check(nameof(SubstringJsonDocument), expected, SubstringJsonDocument());
        Same.Check(nameof(SubstringDeserialize), expected, SubstringDeserialize());
    }

    [Benchmark(Baseline = true, Description = "strip callback( ) + JsonDocument")]
    public OpenIdValues SubstringJsonDocument() => HandWritten.JsonpSubstringJsonDocument(_body);

    [Benchmark(Description = "strip callback( ) + JsonSerializer (source-gen)")]
    public OpenIdValues SubstringDeserialize() => HandWritten.JsonpSubstringDeserialize(_body);

    [Benchmark(Description = "SDK ResponseParser")]
    public QqOpenId Sdk() => ResponseParser.Parse<OpenIdBuilder, QqOpenId>(_body, TimeProvider.System).Value;
}

/// <summary><c>/oauth2.0/me</c> with <c>fmt=json</c>.</summary>
[MemoryDiagnoser]
public class MeJsonParsing
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Fixtures.MeJson;
        var expected = OpenIdValues.From(Sdk());
        Same.Check(nameof(DeserializeSourceGen), expected, DeserializeSourceGen().ToValues());
        Same.Check(nameof(DeserializeReflection), expected, DeserializeReflection().ToValues());
        Same.Check(nameof(JsonDocumentParse), expected, JsonDocumentParse());
        Same.Check(nameof(HandRolledReader), expected, HandRolledReader());
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer DTO (source-gen)")]
    public OpenIdDto DeserializeSourceGen() => JsonSerializer.Deserialize(_body, QqJsonContext.Default.OpenIdDto)!.Checked();

    [Benchmark(Description = "JsonSerializer DTO (reflection)")]
    public OpenIdDto DeserializeReflection() => JsonSerializer.Deserialize<OpenIdDto>(_body, ReflectionJson.Options)!.Checked();

    [Benchmark(Description = "JsonDocument")]
    public OpenIdValues JsonDocumentParse() => HandWritten.OpenIdFromDocument(_body);

    [Benchmark(Description = "Utf8JsonReader by hand (floor)")]
    public OpenIdValues HandRolledReader() => Floor.ReadOpenId(_body);

    [Benchmark(Description = "SDK ResponseParser")]
    public QqOpenId Sdk() => ResponseParser.Parse<OpenIdBuilder, QqOpenId>(_body, TimeProvider.System).Value;
}

/// <summary>A complete get_user_info answer (tab-indented, slash-escaped URLs, numbers as strings).</summary>
[MemoryDiagnoser]
public class UserInfoParsing
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Fixtures.UserInfoFull;
        var sdk = Sdk();
        if (sdk.AdditionalFields.Count != 0)
        {
            throw new InvalidOperationException("The fixture should have no unmapped fields.");
        }

        var expected = UserValues.From(sdk);
        Same.Check(nameof(DeserializeSourceGen), expected, DeserializeSourceGen().ToValues());
        Same.Check(nameof(DeserializeReflection), expected, DeserializeReflection().ToValues());
        Same.Check(nameof(JsonDocumentParse), expected, JsonDocumentParse());
        Same.Check(nameof(HandRolledReader), expected, HandRolledReader());
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer DTO (source-gen)")]
    public UserInfoDto DeserializeSourceGen() => JsonSerializer.Deserialize(_body, QqJsonContext.Default.UserInfoDto)!.Checked();

    [Benchmark(Description = "JsonSerializer DTO (reflection)")]
    public UserInfoDto DeserializeReflection() => JsonSerializer.Deserialize<UserInfoDto>(_body, ReflectionJson.Options)!.Checked();

    [Benchmark(Description = "JsonDocument")]
    public UserValues JsonDocumentParse() => HandWritten.JsonDocumentUser(_body);

    [Benchmark(Description = "Utf8JsonReader by hand (floor)")]
    public UserValues HandRolledReader() => Floor.ReadUser(_body);

    [Benchmark(Description = "SDK ResponseParser")]
    public QqUserInfo Sdk() => ResponseParser.Parse<UserInfoBuilder, QqUserInfo>(_body, TimeProvider.System).Value;
}
