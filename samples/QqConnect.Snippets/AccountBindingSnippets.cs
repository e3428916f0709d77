using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Snippets;

/// <summary>docs/account-binding.md: QqConnect.AspNetCore.Identity in a site.</summary>
internal static class AccountBindingSnippets
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region account-binding-register
        builder.Services.AddIdentity<IdentityUser, IdentityRole>(options => options.SignIn.RequireConfirmedAccount = true)
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddQqConnectAccounts<IdentityUser, SiteDbContext>();
        #endregion
    }
}

#region account-binding-model
internal sealed class SiteDbContext(DbContextOptions<SiteDbContext> options) : IdentityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapQqConnectAccounts<IdentityUser>();
    }
}
#endregion
