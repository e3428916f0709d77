using System.Text.Json;
using System.Text.Json.Serialization;

namespace QqConnect.Client.Benchmarks.Baselines;

// The DTOs a hand-written client declares. Numbers come as strings from QQ (expires_in, year, vip...),
// so every baseline reads numbers from strings too.

public sealed class TokenDto
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("error")]
    public int? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    /// <summary>The check a hand-written client makes before using the answer.</summary>
    public TokenDto Checked() => Error is null && AccessToken is not null ? this : throw new InvalidOperationException($"QQ error {Error}");

    public TokenValues ToValues() =>
        Error is null && AccessToken is not null ? new(AccessToken, ExpiresIn, RefreshToken) : throw new InvalidOperationException($"QQ error {Error}");
}

public sealed class OpenIdDto
{
    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("openid")]
    public string? OpenId { get; set; }

    [JsonPropertyName("error")]
    public int? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    public OpenIdDto Checked() => Error is null && ClientId is not null && OpenId is not null ? this : throw new InvalidOperationException($"QQ error {Error}");

    public OpenIdValues ToValues() =>
        Error is null && ClientId is not null && OpenId is not null ? new(ClientId, OpenId) : throw new InvalidOperationException($"QQ error {Error}");
}

public sealed class UserInfoDto
{
    [JsonPropertyName("ret")] public int Ret { get; set; }
    [JsonPropertyName("msg")] public string? Msg { get; set; }
    [JsonPropertyName("is_lost")] public int IsLost { get; set; }
    [JsonPropertyName("nickname")] public string? Nickname { get; set; }
    [JsonPropertyName("gender")] public string? Gender { get; set; }
    [JsonPropertyName("gender_type")] public int? GenderType { get; set; }
    [JsonPropertyName("province")] public string? Province { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("year")] public int? Year { get; set; }
    [JsonPropertyName("constellation")] public string? Constellation { get; set; }
    [JsonPropertyName("figureurl")] public string? FigureUrl { get; set; }
    [JsonPropertyName("figureurl_1")] public string? FigureUrl1 { get; set; }
    [JsonPropertyName("figureurl_2")] public string? FigureUrl2 { get; set; }
    [JsonPropertyName("figureurl_qq_1")] public string? FigureUrlQq1 { get; set; }
    [JsonPropertyName("figureurl_qq_2")] public string? FigureUrlQq2 { get; set; }
    [JsonPropertyName("figureurl_qq")] public string? FigureUrlQq { get; set; }
    [JsonPropertyName("figureurl_type")] public int? FigureUrlType { get; set; }
    [JsonPropertyName("vip")] public int Vip { get; set; }
    [JsonPropertyName("level")] public int Level { get; set; }
    [JsonPropertyName("is_yellow_vip")] public int IsYellowVip { get; set; }
    [JsonPropertyName("yellow_vip_level")] public int YellowVipLevel { get; set; }
    [JsonPropertyName("is_yellow_year_vip")] public int IsYellowYearVip { get; set; }

    public UserInfoDto Checked() => Ret == 0 && Nickname is not null ? this : throw new InvalidOperationException($"QQ error {Ret}: {Msg}");

    public UserValues ToValues() => Ret == 0 && Nickname is not null
        ? new(Nickname, Gender, GenderType, Province, City, Year, Constellation, FigureUrl, FigureUrl1, FigureUrl2,
            FigureUrlQq1, FigureUrlQq2, FigureUrlQq, FigureUrlType, IsLost != 0, Vip != 0, Level, IsYellowVip != 0, YellowVipLevel, IsYellowYearVip != 0)
        : throw new InvalidOperationException($"QQ error {Ret}: {Msg}");
}

/// <summary>The source-generated (AOT-style) serializer metadata: the fairest JsonSerializer baseline.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(OpenIdDto))]
[JsonSerializable(typeof(UserInfoDto))]
public sealed partial class QqJsonContext : JsonSerializerContext
{
}

/// <summary>The reflection-based serializer, with options cached once as the docs recommend.</summary>
public static class ReflectionJson
{
    public static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowReadingFromString };
}
