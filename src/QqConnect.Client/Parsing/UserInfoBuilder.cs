using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>
/// Builds a <see cref="QqUserInfo"/> from the fields of a get_user_info answer, held to <see cref="UserInfoValues"/>'
/// bounds; unknown fields are kept, except those naming an identity (<see cref="QqUserInfo.IsIdentityFieldName"/>).
/// </summary>
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
        // Dispatch on the length first: one or two comparisons per field instead of twenty.
        var known = name.Length switch
        {
            3 => Set(name, "vip"u8, ref _vip, ref value),
            4 => Set(name, "city"u8, ref _city, ref value) || Set(name, "year"u8, ref _year, ref value),
            5 => Set(name, "level"u8, ref _level, ref value),
            6 => Set(name, "gender"u8, ref _gender, ref value),
            7 => Set(name, "is_lost"u8, ref _isLost, ref value),
            8 => Set(name, "nickname"u8, ref _nickname, ref value) || Set(name, "province"u8, ref _province, ref value),
            9 => Set(name, "figureurl"u8, ref _figureUrl, ref value),
            11 => Set(name, "figureurl_1"u8, ref _figureUrl1, ref value) || Set(name, "figureurl_2"u8, ref _figureUrl2, ref value)
                || Set(name, "gender_type"u8, ref _genderType, ref value),
            12 => Set(name, "figureurl_qq"u8, ref _figureUrlQq, ref value),
            13 => Set(name, "constellation"u8, ref _constellation, ref value) || Set(name, "is_yellow_vip"u8, ref _isYellowVip, ref value),
            14 => Set(name, "figureurl_qq_1"u8, ref _figureUrlQq1, ref value) || Set(name, "figureurl_qq_2"u8, ref _figureUrlQq2, ref value)
                || Set(name, "figureurl_type"u8, ref _figureUrlType, ref value),
            16 => Set(name, "yellow_vip_level"u8, ref _yellowVipLevel, ref value),
            18 => Set(name, "is_yellow_year_vip"u8, ref _isYellowYearVip, ref value),
            _ => false,
        };

        if (!known)
        {
            Additional(name, ref value);
        }
    }

    // Unknown fields are kept for the caller, except those naming an identity, an app or a secret (who the user is
    // comes from /me or the token answer, never from the profile), values over the bound, and any beyond the count.
    private void Additional(ReadOnlySpan<byte> name, ref FieldValue value)
    {
        var key = Encoding.UTF8.GetString(name.ToArray());
        if (QqUserInfo.IsIdentityFieldName(key)
            || (_additional is { } kept && kept.Count >= QqUserInfo.MaxAdditionalFields && !kept.ContainsKey(key)))
        {
            return;
        }

        var element = value.GetElement();
        if (!UserInfoValues.Fits(element))
        {
            _additional?.Remove(key);
            return;
        }

        _additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        _additional[key] = element;
    }

    private static bool Set(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, ref string? field, ref FieldValue value)
    {
        if (!name.SequenceEqual(expected))
        {
            return false;
        }

        field = value.GetString();
        return true;
    }

    private static bool Set(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, ref int? field, ref FieldValue value)
    {
        if (!name.SequenceEqual(expected))
        {
            return false;
        }

        field = value.GetInt32OrNull();
        return true;
    }

    private static bool Flag(int? value) => value is { } flag && flag != 0;

    public readonly QqUserInfo Build(TimeProvider clock)
    {
        if (_nickname is null)
        {
            throw new InvalidBodyException(Strings.BodyNoNickname);
        }

        return new QqUserInfo(UserInfoValues.Text(_nickname)!)
        {
            Gender = UserInfoValues.Text(_gender),
            GenderType = _genderType,
            Province = UserInfoValues.Text(_province),
            City = UserInfoValues.Text(_city),
            Year = _year,
            Constellation = UserInfoValues.Text(_constellation),
            FigureUrl = UserInfoValues.Url(_figureUrl),
            FigureUrl1 = UserInfoValues.Url(_figureUrl1),
            FigureUrl2 = UserInfoValues.Url(_figureUrl2),
            FigureUrlQq1 = UserInfoValues.Url(_figureUrlQq1),
            FigureUrlQq2 = UserInfoValues.Url(_figureUrlQq2),
            FigureUrlQq = UserInfoValues.Url(_figureUrlQq),
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
