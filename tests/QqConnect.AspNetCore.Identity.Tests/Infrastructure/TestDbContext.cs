using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>A site's Identity context as the templates make it, plus the one documented line.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapQqConnectAccounts<IdentityUser>();
    }
}
