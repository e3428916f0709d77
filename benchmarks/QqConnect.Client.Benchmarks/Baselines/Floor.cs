using System.Buffers.Text;
using System.Text.Json;

namespace QqConnect.Client.Benchmarks.Baselines;

/// <summary>
/// The least parsing that still gets the values: one forward pass of <see cref="Utf8JsonReader"/> over the bytes,
/// no DTO, no document, no shape sniffing, no error messages. This is the parser of the raw-HttpClient floor.
/// It handles only the JSON shapes the login asks for (<c>fmt=json</c>), which the SDK must not assume.
/// </summary>
public static class Floor
{
    public static TokenValues ReadToken(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? accessToken = null, refreshToken = null;
        long expiresIn = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("access_token"u8))
            {
                reader.Read();
                accessToken = reader.GetString();
            }
            else if (reader.ValueTextEquals("expires_in"u8))
            {
                reader.Read();
                expiresIn = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : Long(reader.ValueSpan);
            }
            else if (reader.ValueTextEquals("refresh_token"u8))
            {
                reader.Read();
                refreshToken = reader.GetString();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                throw new InvalidOperationException("QQ answered an error");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new TokenValues(accessToken ?? throw new InvalidOperationException("no access_token"), expiresIn, refreshToken);
    }

    public static OpenIdValues ReadOpenId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? clientId = null, openId = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("client_id"u8))
            {
                reader.Read();
                clientId = reader.GetString();
            }
            else if (reader.ValueTextEquals("openid"u8))
            {
                reader.Read();
                openId = reader.GetString();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                throw new InvalidOperationException("QQ answered an error");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new OpenIdValues(clientId ?? throw new InvalidOperationException("no client_id"), openId ?? throw new InvalidOperationException("no openid"));
    }

    public static UserValues ReadUser(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? nickname = null, gender = null, province = null, city = null, constellation = null;
        string? figureUrl = null, figureUrl1 = null, figureUrl2 = null, qq1 = null, qq2 = null, qq = null;
        int? genderType = null, year = null, figureUrlType = null;
        int ret = 0, isLost = 0, vip = 0, level = 0, yellow = 0, yellowLevel = 0, yellowYear = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("ret"u8): ret = Int(ref reader) ?? 0; break;
                case 3 when name.SequenceEqual("vip"u8): vip = Int(ref reader) ?? 0; break;
                case 4 when name.SequenceEqual("city"u8): city = reader.GetString(); break;
                case 4 when name.SequenceEqual("year"u8): year = Int(ref reader); break;
                case 5 when name.SequenceEqual("level"u8): level = Int(ref reader) ?? 0; break;
                case 6 when name.SequenceEqual("gender"u8): gender = reader.GetString(); break;
                case 7 when name.SequenceEqual("is_lost"u8): isLost = Int(ref reader) ?? 0; break;
                case 8 when name.SequenceEqual("nickname"u8): nickname = reader.GetString(); break;
                case 8 when name.SequenceEqual("province"u8): province = reader.GetString(); break;
                case 9 when name.SequenceEqual("figureurl"u8): figureUrl = reader.GetString(); break;
                case 11 when name.SequenceEqual("gender_type"u8): genderType = Int(ref reader); break;
                case 11 when name.SequenceEqual("figureurl_1"u8): figureUrl1 = reader.GetString(); break;
                case 11 when name.SequenceEqual("figureurl_2"u8): figureUrl2 = reader.GetString(); break;
                case 12 when name.SequenceEqual("figureurl_qq"u8): qq = reader.GetString(); break;
                case 13 when name.SequenceEqual("constellation"u8): constellation = reader.GetString(); break;
                case 13 when name.SequenceEqual("is_yellow_vip"u8): yellow = Int(ref reader) ?? 0; break;
                case 14 when name.SequenceEqual("figureurl_qq_1"u8): qq1 = reader.GetString(); break;
                case 14 when name.SequenceEqual("figureurl_qq_2"u8): qq2 = reader.GetString(); break;
                case 14 when name.SequenceEqual("figureurl_type"u8): figureUrlType = Int(ref reader); break;
                case 16 when name.SequenceEqual("yellow_vip_level"u8): yellowLevel = Int(ref reader) ?? 0; break;
                case 18 when name.SequenceEqual("is_yellow_year_vip"u8): yellowYear = Int(ref reader) ?? 0; break;
                default: reader.Skip(); break;
            }
        }

        if (ret != 0 || nickname is null)
        {
            throw new InvalidOperationException($"QQ error {ret}");
        }

        return new UserValues(nickname, gender, genderType, province, city, year, constellation, figureUrl, figureUrl1, figureUrl2,
            qq1, qq2, qq, figureUrlType, isLost != 0, vip != 0, level, yellow != 0, yellowLevel, yellowYear != 0);
    }

    private static int? Int(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetInt32()
        : reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out int value, out var used) && used == reader.ValueSpan.Length && used > 0 ? value
        : null;

    private static long Long(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits, out long value, out var used) && used == digits.Length ? value : throw new InvalidOperationException("expires_in is not a number");
}
