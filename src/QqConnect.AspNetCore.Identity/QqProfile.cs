namespace QqConnect.AspNetCore.Identity;

/// <summary>What an account shows about its bound QQ user: display data, never an identifier.</summary>
/// <param name="Nickname">The QQ nickname at the last login or refresh.</param>
/// <param name="AvatarUrl">The QQ avatar URL at the last login or refresh.</param>
/// <param name="UnionId">The UnionID, when a QQ scheme asked for it.</param>
/// <param name="BoundAt">When the QQ was bound to the account.</param>
/// <param name="UpdatedAt">When the nickname and avatar were last read from QQ.</param>
public sealed record QqProfile(string Nickname, string? AvatarUrl, string? UnionId, DateTimeOffset BoundAt, DateTimeOffset UpdatedAt);
