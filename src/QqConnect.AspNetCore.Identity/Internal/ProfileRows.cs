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
    /// UnionID recorded when the row has none and no other account holds it. Saved by the caller.
    /// With <c>claimUnionId</c>, the caller found the UnionID free (it is binding the QQ login to this account): another
    /// account holding it now won a race, and a <see cref="DbUpdateException"/> rolls the caller's transaction back.
    /// Two uncommitted claims are decided by the unique index; this decides the claim made after the other committed,
    /// which a database that isolates transactions by read committed (PostgreSQL, SQL Server) lets through otherwise:
    /// a second account for one UnionID, without it.
    /// </summary>
    public static async Task<QqUserProfile> EnsureAsync(
        DbContext db, string userId, QqLogin qq, DateTimeOffset now, CancellationToken cancellationToken, bool claimUnionId = false)
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

        if (profile.UnionId is null && qq.UnionId is { Length: > 0 and <= QqUserProfile.MaxUnionIdLength } unionId)
        {
            if (await FindByUnionIdAsync(db, unionId, cancellationToken).ConfigureAwait(false) is null)
            {
                profile.UnionId = unionId;
            }
            else if (claimUnionId)
            {
                throw new DbUpdateException("Another account took the UnionID meanwhile.");
            }
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
