using System.Diagnostics.CodeAnalysis;
using QqConnect.AspNetCore.Identity;

namespace Microsoft.EntityFrameworkCore;

/// <summary>The EF Core model of QqConnect.AspNetCore.Identity, for the site's own Identity <c>DbContext</c>.</summary>
public static class QqConnectAccountsModelBuilderExtensions
{
    // What EF Core reads of an entity type by reflection (its constructors, fields, properties and interfaces).
    private const DynamicallyAccessedMemberTypes EntityMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors
        | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields
        | DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicProperties
        | DynamicallyAccessedMemberTypes.Interfaces;

    /// <summary>
    /// Maps <see cref="QqUserProfile"/> (table <see cref="QqConnectAccountsDefaults.ProfileTableName"/>): one row per
    /// QQ-bound account, deleted with it, with a unique UnionID. Call it in <c>OnModelCreating</c> after
    /// <c>base.OnModelCreating(builder)</c>, then add a migration in the site (<c>dotnet ef migrations add QqConnect</c>).
    /// </summary>
    /// <typeparam name="TUser">The Identity user type, with Identity's default string keys.</typeparam>
    /// <param name="builder">The model builder of <c>OnModelCreating</c>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ModelBuilder MapQqConnectAccounts<[DynamicallyAccessedMembers(EntityMembers)] TUser>(this ModelBuilder builder)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<QqUserProfile>(profile =>
        {
            profile.ToTable(QqConnectAccountsDefaults.ProfileTableName);
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.UnionId).HasMaxLength(QqUserProfile.MaxUnionIdLength);
            profile.HasIndex(p => p.UnionId).IsUnique();
            profile.Property(p => p.Nickname).HasMaxLength(QqUserProfile.MaxNicknameLength);
            profile.Property(p => p.AvatarUrl).HasMaxLength(QqUserProfile.MaxAvatarUrlLength);
            profile.Property(p => p.LinkedProviders).HasMaxLength(QqUserProfile.MaxLinkedProvidersLength);
            profile.HasOne<TUser>().WithOne().HasForeignKey<QqUserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        return builder;
    }
}
