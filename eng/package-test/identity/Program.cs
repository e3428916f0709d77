// The QqConnect.AspNetCore.Identity package as a site gets it (eng/package-test.sh): Identity on EF Core over a
// SQLite file, the one model line and the one registration line, then a QQ user's account made, found again by
// OpenID and by UnionID through a second app, and refused unbinding while QQ is its only login.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QqConnect.AspNetCore.Identity;

var file = Path.Combine(Path.GetTempPath(), $"qqconnect-package-identity-{Guid.NewGuid():N}.db");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.ClearProviders();
    var services = builder.Services;
    services.AddDbContext<SiteDb>(options => options.UseSqlite($"Data Source={file}"));
    services.AddIdentity<IdentityUser, IdentityRole>(options =>
        {
            options.SignIn.RequireConfirmedAccount = true;
            options.User.AllowedUserNameCharacters = ""; // Chinese user names, from Chinese nicknames
        })
        .AddEntityFrameworkStores<SiteDb>()
        .AddQqConnectAccounts<IdentityUser, SiteDb>();
    services.AddAuthentication()
        .AddQqConnect("QQ", options => (options.AppId, options.AppKey) = ("100000001", "package-test-key"))
        .AddQqConnect("QQ.Mobile", options => (options.AppId, options.AppKey) = ("100000002", "package-test-key"));
    await using var app = builder.Build();
    var provider = app.Services;
    await using (var scope = provider.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<SiteDb>().Database.EnsureCreatedAsync();
    }

    var web = new QqLogin("QQ", "OPENID-WEB", "UNION-1", "小明", null);
    string id;
    await using (var scope = provider.CreateAsyncScope())
    {
        var binder = scope.ServiceProvider.GetRequiredService<IQqAccountBinder<IdentityUser>>();
        var creation = await binder.CreateAccountAsync(web, await binder.SuggestUserNameAsync(web.Nickname));
        if (!creation.Created || creation.User is not { } user || user.UserName != "小明" || user.Email is not null)
        {
            throw new InvalidOperationException("The QQ user's account was not made as expected.");
        }

        id = user.Id;
    }

    await using (var scope = provider.CreateAsyncScope())
    {
        var binder = scope.ServiceProvider.GetRequiredService<IQqAccountBinder<IdentityUser>>();
        var found = await binder.FindAsync(new QqLogin("QQ.Mobile", "OPENID-MOBILE", "UNION-1", "小明", null));
        if (found?.Id != id)
        {
            throw new InvalidOperationException("The UnionID did not find the account through the second app.");
        }

        var status = await binder.GetStatusAsync(found);
        if (status.QqLogins.Count != 2 || status.CanUnbind || await binder.UnbindQqAsync(found) != QqUnbindResult.OnlyWayToSignIn)
        {
            throw new InvalidOperationException("Unbinding the only way to sign in was not refused.");
        }

        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        if (!await signIn.CanSignInAsync(found))
        {
            throw new InvalidOperationException("A QQ-made account is not confirmed under RequireConfirmedAccount.");
        }
    }

    Console.WriteLine("identity consumer: a QQ account made, found through a second app by UnionID, its only login kept");
}
finally
{
    SqliteConnection.ClearAllPools();
    File.Delete(file);
}

internal sealed class SiteDb(DbContextOptions<SiteDb> options) : IdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapQqConnectAccounts<IdentityUser>();
    }
}
