using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Data;

/// <summary>
/// The site's database: Identity's tables (users, logins — the QQ bindings —, tokens), the QQ profile shown on the
/// account page, and the Data Protection keys every instance of a farm shares.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The QQ nickname and avatar of each bound account.</summary>
    public DbSet<QqProfile> QqProfiles => Set<QqProfile>();

    /// <summary>The Data Protection key ring (cookies, the QQ login's state and correlation cookies).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<QqProfile>(profile =>
        {
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.OpenId).HasMaxLength(64);
            profile.Property(p => p.UnionId).HasMaxLength(64);
            profile.Property(p => p.Nickname).HasMaxLength(256);
            profile.Property(p => p.AvatarUrl).HasMaxLength(1024);
            profile.HasOne<IdentityUser>().WithOne().HasForeignKey<QqProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
