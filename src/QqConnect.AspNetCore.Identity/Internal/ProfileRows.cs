using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>Reading and writing <see cref="QqUserProfile"/> rows, for the binder and the profile store alike.</summary>
internal static class ProfileRows
{
    private const char Separator = '\n';

    public static Task<QqUserProfile?> FindAsync(DbContext db, string userId, CancellationToken cancellationToken) =>
        db.Set<QqUserProfile>().SingleOrDefaultAsync(profile => profile.UserId == userId, cancellationToken);

    public static Task<QqUserProfile?> FindByUnionIdAsync(DbContext db, string unionId, CancellationToken cancellationToken) =>
        db.Set<QqUserProfile>().SingleOrDefaultAsync(profile => profile.UnionId == unionId, cancellationToken);

    /// <summary>Whether <paramref name="loginProvider"/> was ever linked to the profile's account.</summary>
    public static bool HasLinked(QqUserProfile profile, string loginProvider) =>
        profile.LinkedProviders.Split(Separator).Contains(loginProvider, StringComparer.Ordinal);

    public static QqProfile View(QqUserProfile row) => new(row.Nickname, row.AvatarUrl, row.UnionId, row.BoundAt, row.UpdatedAt);

    /// <summary>
    /// The account's profile row, made when missing, with <paramref name="qq"/>'s scheme listed as linked and its
    /// UnionID recorded when the row has none and no other account holds it (the unique index decides a race).
    /// Saved by the caller.
    /// </summary>
    public static async Task<QqUserProfile> EnsureAsync(DbContext db, string userId, QqLogin qq, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(db, userId, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            profile = new QqUserProfile { UserId = userId, BoundAt = now };
            Display(profile, qq, now);
            db.Set<QqUserProfile>().Add(profile);
        }

        if (!HasLinked(profile, qq.LoginProvider))
        {
            var linked = profile.LinkedProviders.Length == 0 ? qq.LoginProvider : profile.LinkedProviders + Separator + qq.LoginProvider;
            if (linked.Length <= QqUserProfile.MaxLinkedProvidersLength)
            {
                profile.LinkedProviders = linked;
            }
        }

        if (profile.UnionId is null && qq.UnionId is { Length: > 0 and <= QqUserProfile.MaxUnionIdLength } unionId
            && await FindByUnionIdAsync(db, unionId, cancellationToken).ConfigureAwait(false) is null)
        {
            profile.UnionId = unionId;
        }

        return profile;
    }

    /// <summary>
    /// Sets the nickname (without control and format characters) and avatar, cut to the columns' lengths (an
    /// over-long avatar URL is dropped, not cut).
    /// </summary>
    public static void Display(QqUserProfile profile, QqLogin qq, DateTimeOffset now) => Display(profile, qq.Nickname, qq.AvatarUrl, now);

    public static void Display(QqUserProfile profile, string nickname, string? avatarUrl, DateTimeOffset now)
    {
        profile.Nickname = Cut(DisplayText.Clean(nickname), QqUserProfile.MaxNicknameLength);
        profile.AvatarUrl = avatarUrl is { Length: > 0 and <= QqUserProfile.MaxAvatarUrlLength } ? avatarUrl : null;
        profile.UpdatedAt = now;
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
