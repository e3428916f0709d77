using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>A fake user in the configuration file; see <see cref="EmulatorUser"/> for the fields.</summary>
internal sealed class EmulatorUserConfig
{
    /// <summary>Stable identity from which OpenID and UnionID derive (required).</summary>
    public string? Key { get; set; }

    /// <summary>The nickname (required).</summary>
    public string? Nickname { get; set; }

    /// <summary>"男" or "女".</summary>
    public string? Gender { get; set; }

    /// <summary>The <c>gender_type</c> integer.</summary>
    public int? GenderType { get; set; }

    /// <summary>Province.</summary>
    public string? Province { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>Birth year as text.</summary>
    public string? Year { get; set; }

    /// <summary>Constellation.</summary>
    public string? Constellation { get; set; }

    /// <summary>Present, Empty or Missing <c>figureurl_qq_2</c>.</summary>
    public EmulatorAvatarPresence? LargeQqAvatar { get; set; }

    /// <summary><c>vip</c>.</summary>
    public int? Vip { get; set; }

    /// <summary><c>level</c>.</summary>
    public int? Level { get; set; }

    /// <summary><c>is_yellow_vip</c>.</summary>
    public int? IsYellowVip { get; set; }

    /// <summary><c>yellow_vip_level</c>.</summary>
    public int? YellowVipLevel { get; set; }

    /// <summary><c>is_yellow_year_vip</c>.</summary>
    public int? IsYellowYearVip { get; set; }

    /// <summary>Avatar colour <c>#RRGGBB</c>.</summary>
    public string? AvatarColor { get; set; }
}
