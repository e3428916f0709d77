using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

// docs/account-binding.md, "In the standard templates": the lines a `dotnet new webapp --auth Individual` site adds
// for QqConnect.AspNetCore.Identity, compiled against stand-ins of the template's own types.
// tests/QqConnect.BrowserTests (Templates) puts these blocks into generated templates.
namespace QqConnect.Snippets.WebappTemplate
{
    /// <summary>The Razor Pages template's Data/ApplicationDbContext.cs, with the override the document adds.</summary>
    internal sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext(options)
    {
        #region template-accounts-model
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.MapQqConnectAccounts<IdentityUser>();
        }
        #endregion
    }

    internal static class TemplateAccountsSnippets
    {
        public static void Services(WebApplicationBuilder builder)
        {
            #region template-accounts
            builder.Services.AddDefaultIdentity<IdentityUser>(options => options.SignIn.RequireConfirmedAccount = true)
                .AddEntityFrameworkStores<ApplicationDbContext>()
                .AddQqConnectAccounts<IdentityUser, ApplicationDbContext>();
            #endregion
        }

        public static void Map(WebApplication app)
        {
            #region template-accounts-map
            app.MapQqConnectAccounts<IdentityUser>();
            #endregion
        }
    }
}

// The same for `dotnet new blazor --auth Individual`, whose user type is its ApplicationUser.
namespace QqConnect.Snippets.BlazorTemplate
{
    internal sealed class ApplicationUser : IdentityUser;

    internal sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options);

    internal static class TemplateAccountsSnippets
    {
        public static void Services(WebApplicationBuilder builder)
        {
            #region template-accounts-blazor
            builder.Services.AddIdentityCore<ApplicationUser>(options =>
                {
                    options.SignIn.RequireConfirmedAccount = true;
                    options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                })
                .AddEntityFrameworkStores<ApplicationDbContext>()
                .AddSignInManager()
                .AddDefaultTokenProviders()
                .AddQqConnectAccounts<ApplicationUser, ApplicationDbContext>();
            #endregion
        }
    }
}
