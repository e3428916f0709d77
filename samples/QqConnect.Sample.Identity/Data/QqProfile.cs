namespace QqConnect.Sample.Identity.Data;

/// <summary>
/// What the account page shows about the bound QQ user. The binding itself is Identity's login rows
/// (see <see cref="Binding.QqAccountBinder{TUser, TContext}"/>); this row is display data only.
/// </summary>
public sealed class QqProfile
{
    /// <summary>The account (AspNetUsers.Id); one profile per account.</summary>
    public required string UserId { get; set; }

    /// <summary>The OpenID of this site's QQ app.</summary>
    public required string OpenId { get; set; }

    /// <summary>The UnionID, when the app asks for it.</summary>
    public string? UnionId { get; set; }

    /// <summary>The QQ nickname at the last login or refresh.</summary>
    public required string Nickname { get; set; }

    /// <summary>The QQ avatar URL at the last login or refresh.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>When the QQ was bound to the account.</summary>
    public DateTimeOffset BoundAt { get; set; }

    /// <summary>When the nickname and avatar were last read from QQ.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
