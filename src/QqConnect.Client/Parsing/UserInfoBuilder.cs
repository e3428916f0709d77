using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace QqConnect.Client.Parsing;

/// <summary>Builds a <see cref="QqUserInfo"/> from the fields of a get_user_info answer; unknown fields are kept.</summary>
internal struct UserInfoBuilder : IResultBuilder<QqUserInfo>
{
    private string? _nickname;
    private string? _gender;
    private int? _genderType;
    private string? _province;
    private string? _city;
    private int? _year;
    private string? _constellation;
    private string? _figureUrl;
    private string? _figureUrl1;
    private string? _figureUrl2;
    private string? _figureUrlQq1;
    private string? _figureUrlQq2;
    private string? _figureUrlQq;
    private int? _figureUrlType;
    private int? _isLost;
    private int? _vip;
    private int? _level;
    private int? _isYellowVip;
    private int? _yellowVipLevel;
    private int? _isYellowYearVip;
    private Dictionary<string, JsonElement>? _additional;

    public void Field(ReadOnlySpan<byte> name, ref FieldValue value)
    {
        if (name.SequenceEqual("nickname"u8)) { _nickname = value.GetString(); }
        else if (name.SequenceEqual("gender"u8)) { _gender = value.GetString(); }
        else if (name.SequenceEqual("gender_type"u8)) { _genderType = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("province"u8)) { _province = value.GetString(); }
        else if (name.SequenceEqual("city"u8)) { _city = value.GetString(); }
        else if (name.SequenceEqual("year"u8)) { _year = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("constellation"u8)) { _constellation = value.GetString(); }
        else if (name.SequenceEqual("figureurl"u8)) { _figureUrl = value.GetString(); }
        else if (name.SequenceEqual("figureurl_1"u8)) { _figureUrl1 = value.GetString(); }
        else if (name.SequenceEqual("figureurl_2"u8)) { _figureUrl2 = value.GetString(); }
        else if (name.SequenceEqual("figureurl_qq_1"u8)) { _figureUrlQq1 = value.GetString(); }
        else if (name.SequenceEqual("figureurl_qq_2"u8)) { _figureUrlQq2 = value.GetString(); }
        else if (name.SequenceEqual("figureurl_qq"u8)) { _figureUrlQq = value.GetString(); }
        else if (name.SequenceEqual("figureurl_type"u8)) { _figureUrlType = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("is_lost"u8)) { _isLost = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("vip"u8)) { _vip = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("level"u8)) { _level = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("is_yellow_vip"u8)) { _isYellowVip = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("yellow_vip_level"u8)) { _yellowVipLevel = value.GetInt32OrNull(); }
        else if (name.SequenceEqual("is_yellow_year_vip"u8)) { _isYellowYearVip = value.GetInt32OrNull(); }
        else
        {
            _additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            _additional[Encoding.UTF8.GetString(name.ToArray())] = value.GetElement();
        }
    }

    private static bool Flag(int? value) => value is { } flag && flag != 0;

    public readonly QqUserInfo Build(in CallContext context)
    {
        if (_nickname is null)
        {
            throw new InvalidBodyException("no nickname");
        }

        return new QqUserInfo(_nickname)
        {
            Gender = _gender,
            GenderType = _genderType,
            Province = _province,
            City = _city,
            Year = _year,
            Constellation = _constellation,
            FigureUrl = _figureUrl,
            FigureUrl1 = _figureUrl1,
            FigureUrl2 = _figureUrl2,
            FigureUrlQq1 = _figureUrlQq1,
            FigureUrlQq2 = _figureUrlQq2,
            FigureUrlQq = _figureUrlQq,
            FigureUrlType = _figureUrlType,
            IsLost = Flag(_isLost),
            IsVip = Flag(_vip),
            Level = _level ?? 0,
            IsYellowVip = Flag(_isYellowVip),
            YellowVipLevel = _yellowVipLevel ?? 0,
            IsYellowYearVip = Flag(_isYellowYearVip),
            AdditionalFields = _additional is null ? QqUserInfo.NoFields : new ReadOnlyDictionary<string, JsonElement>(_additional),
        };
    }
}
