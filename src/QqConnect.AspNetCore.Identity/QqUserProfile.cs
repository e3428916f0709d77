namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// The package's row per QQ-bound account (table <c>QqConnectProfiles</c>, mapped by <c>MapQqConnectAccounts</c>):
/// the UnionID (unique: the database refuses a second account for one UnionID), the profile shown on the account
/// page, and which QQ schemes were ever linked to the account. The OpenIDs are Identity's own login rows
/// (AspNetUserLogins), so Identity's pages list and remove them as usual.
/// </summary>
public sealed class QqUserProfile
{
    /// <summary>The longest nickname kept.</summary>
    public const int MaxNicknameLength = 256;

    /// <summary>The longest avatar URL kept.</summary>
    public const int MaxAvatarUrlLength = 1024;

    /// <summary>The longest UnionID accepted.</summary>
    public const int MaxUnionIdLength = 64;

    /// <summary>The longest list of linked schemes kept.</summary>
    public const int MaxLinkedProvidersLength = 1024;

    /// <summary>The account (the user's primary key: Identity's default string keys).</summary>
    public string UserId { get; set; } = "";

    /// <summary>The UnionID, when a QQ scheme asked for it; unique across accounts.</summary>
    public string? UnionId { get; set; }

    /// <summary>The QQ nickname at the last login or refresh.</summary>
    public string Nickname { get; set; } = "";

    /// <summary>The QQ avatar URL at the last login or refresh.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>When the QQ was bound to the account.</summary>
    public DateTimeOffset BoundAt { get; set; }

    /// <summary>When the nickname and avatar were last read from QQ.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The QQ schemes linked to the account so far, one per line. A scheme listed here whose login row is gone was
    /// removed by the user (say, on Identity's external-logins page): the UnionID does not link it again.
    /// </summary>
    public string LinkedProviders { get; set; } = "";
}
