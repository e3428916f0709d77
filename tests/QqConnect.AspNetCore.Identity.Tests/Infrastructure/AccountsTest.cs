using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>A test with its own database (a SQLite file unless it asks for another engine), emulator and <see cref="AccountsHost"/>.</summary>
public abstract class AccountsTest : IDisposable
{
    private readonly AccountsDatabase _database;

    protected AccountsTest()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected AccountsTest(DatabaseProvider provider)
    {
        _database = AccountsDatabase.Create(provider);
        try
        {
            Host = new AccountsHost(_database, Emulator);
        }
        catch
        {
            _database.Dispose();
            throw;
        }
    }

    protected QqConnectEmulator Emulator { get; } = new();

    protected AccountsHost Host { get; }

    protected AccountsDatabase Database => _database;

    /// <summary>Runs <paramref name="work"/> with a binder, profile store and user manager of one request.</summary>
    protected async Task<T> InRequestAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Scope();
        return await work(scope.ServiceProvider);
    }

    protected static IQqAccountBinder<IdentityUser> Binder(IServiceProvider services) => services.GetRequiredService<IQqAccountBinder<IdentityUser>>();

    protected static IQqProfileStore<IdentityUser> Profiles(IServiceProvider services) => services.GetRequiredService<IQqProfileStore<IdentityUser>>();

    protected static UserManager<IdentityUser> Users(IServiceProvider services) => services.GetRequiredService<UserManager<IdentityUser>>();

    /// <summary>A QQ-made account for <paramref name="qq"/>, in a request of its own.</summary>
    protected Task<IdentityUser> CreateAsync(QqLogin qq, string userName) =>
        InRequestAsync(async services =>
        {
            var creation = await Binder(services).CreateAccountAsync(qq, userName);
            Assert.True(creation.Created, string.Join("; ", creation.Errors.Select(error => error.Code)));
            return creation.User!;
        });

    /// <summary>A local account with a password, in a request of its own.</summary>
    protected Task<IdentityUser> LocalAccountAsync(string userName, string? password = "A-password-1") =>
        InRequestAsync(async services =>
        {
            var user = new IdentityUser(userName);
            var created = password is null ? await Users(services).CreateAsync(user) : await Users(services).CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Code)));
            return user;
        });

    /// <summary>
    /// The account as a request in <paramref name="services"/> loads it, then made stale: another request (a second tab)
    /// changes the row's stamps, so Identity refuses writes through this copy.
    /// </summary>
    protected async Task<IdentityUser> StaleCopyAsync(IServiceProvider services, string userId)
    {
        var copy = (await Users(services).FindByIdAsync(userId))!;
        await InRequestAsync(async other =>
        {
            var users = Users(other);
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!)).Succeeded);
            return true;
        });
        return copy;
    }

    protected async Task<List<(string UserId, string LoginProvider, string ProviderKey)>> LoginRowsAsync()
    {
        await using var db = Host.OpenDatabase();
        return (await db.UserLogins.AsNoTracking().ToListAsync())
            .Select(login => (login.UserId, login.LoginProvider, login.ProviderKey))
            .OrderBy(row => row.LoginProvider, StringComparer.Ordinal).ThenBy(row => row.ProviderKey, StringComparer.Ordinal)
            .ToList();
    }

    protected async Task<List<QqUserProfile>> ProfileRowsAsync()
    {
        await using var db = Host.OpenDatabase();
        return await db.Set<QqUserProfile>().AsNoTracking().ToListAsync();
    }

    public void Dispose()
    {
        Host.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
