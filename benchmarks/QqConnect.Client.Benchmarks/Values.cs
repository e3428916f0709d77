namespace QqConnect.Client.Benchmarks;

/// <summary>What every token parser must extract; used to prove the baselines do the same work as the SDK.</summary>
public sealed record TokenValues(string AccessToken, long ExpiresIn, string? RefreshToken)
{
    public static TokenValues From(QqAccessToken token) =>
        new(token.AccessToken, (long)token.ExpiresIn.TotalSeconds, token.RefreshToken);
}

/// <summary>What every /me parser must extract.</summary>
public sealed record OpenIdValues(string ClientId, string OpenId)
{
    public static OpenIdValues From(QqOpenId openId) => new(openId.ClientId, openId.OpenId);
}

/// <summary>What every get_user_info parser must extract: the typed fields of <see cref="QqUserInfo"/>.</summary>
public sealed record UserValues(
    string Nickname,
    string? Gender,
    int? GenderType,
    string? Province,
    string? City,
    int? Year,
    string? Constellation,
    string? FigureUrl,
    string? FigureUrl1,
    string? FigureUrl2,
    string? FigureUrlQq1,
    string? FigureUrlQq2,
    string? FigureUrlQq,
    int? FigureUrlType,
    bool IsLost,
    bool IsVip,
    int Level,
    bool IsYellowVip,
    int YellowVipLevel,
    bool IsYellowYearVip)
{
    public static UserValues From(QqUserInfo user) => new(
        user.Nickname, user.Gender, user.GenderType, user.Province, user.City, user.Year, user.Constellation,
        user.FigureUrl, user.FigureUrl1, user.FigureUrl2, user.FigureUrlQq1, user.FigureUrlQq2, user.FigureUrlQq,
        user.FigureUrlType, user.IsLost, user.IsVip, user.Level, user.IsYellowVip, user.YellowVipLevel, user.IsYellowYearVip);
}

internal static class Same
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>: a baseline that extracts less is a no-op benchmark.</summary>
    public static void Check<T>(string method, T expected, T actual)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            throw new InvalidOperationException($"{method} extracted {actual}, expected {expected}.");
        }
    }
}
