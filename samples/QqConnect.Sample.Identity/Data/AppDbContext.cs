using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Data;

/// <summary>
/// The site's database: Identity's tables (users, logins — the QQ bindings —, tokens), QqConnect.AspNetCore.Identity's
/// QQ profiles (UnionID, nickname, avatar), and the Data Protection keys every instance of a farm shares. The site
/// and the package use this type; each database provider has a sealed subclass of its own
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>) only so that each has its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (cookies, the QQ login's state and correlation cookies).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapQqConnectAccounts<IdentityUser>();
    }
}
