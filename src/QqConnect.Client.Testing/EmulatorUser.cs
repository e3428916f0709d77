namespace QqConnect.Client.Testing;

/// <summary>
/// A fake QQ user who can log in on the emulator's authorize page. The user's OpenID is derived from
/// <see cref="Key"/> and the app id, and the UnionID from <see cref="Key"/> and the app's developer id,
/// so both are stable across emulator instances.
/// </summary>
public sealed class EmulatorUser
{
    /// <summary>Creates a fake user.</summary>
    /// <param name="key">A stable identity from which OpenIDs and UnionIDs are derived.</param>
    /// <param name="nickname">The Qzone nickname.</param>
    public EmulatorUser(string key, string nickname)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(nickname);
        Key = key;
        Nickname = nickname;
    }

    /// <summary>A stable identity from which OpenIDs and UnionIDs are derived.</summary>
    public string Key { get; }

    /// <summary>The Qzone nickname (<c>nickname</c>).</summary>
    public string Nickname { get; }

    /// <summary>The <c>gender</c> field: "男" or "女".</summary>
    public string Gender { get; init; } = "男";

    /// <summary>The <c>gender_type</c> field (an integer on the wire; QQ defaults it to 2).</summary>
    public int GenderType { get; init; } = 2;

    /// <summary>The <c>province</c> field (may be empty).</summary>
    public string Province { get; init; } = "";

    /// <summary>The <c>city</c> field (may be empty).</summary>
    public string City { get; init; } = "";

    /// <summary>The <c>year</c> field, a string such as "1990" (may be empty).</summary>
    public string Year { get; init; } = "";

    /// <summary>The <c>constellation</c> field (may be empty).</summary>
    public string Constellation { get; init; } = "";

    /// <summary>How <c>figureurl_qq_2</c> (the 100 px QQ avatar) appears.</summary>
    public EmulatorAvatarPresence LargeQqAvatar { get; init; } = EmulatorAvatarPresence.Present;

    /// <summary>The <c>vip</c> field (sent as a string).</summary>
    public int Vip { get; init; }

    /// <summary>The <c>level</c> field (sent as a string).</summary>
    public int Level { get; init; }

    /// <summary>The <c>is_yellow_vip</c> field (sent as a string).</summary>
    public int IsYellowVip { get; init; }

    /// <summary>The <c>yellow_vip_level</c> field (sent as a string).</summary>
    public int YellowVipLevel { get; init; }

    /// <summary>The <c>is_yellow_year_vip</c> field (sent as a string).</summary>
    public int IsYellowYearVip { get; init; }

    /// <summary>The avatar background colour used by the emulator's generated avatar, as <c>#RRGGBB</c>.</summary>
    public string AvatarColor { get; init; } = "#12B7F5";
}
