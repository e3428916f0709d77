using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Data;

/// <summary>The database from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
internal static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/>. SQLite is the default (a file under the content root, created on first
    /// start by the committed migrations). A farm points every instance at one PostgreSQL or SQL Server database
    /// instead: see docs/account-binding.md.
    /// </summary>
    public static IServiceCollection AddSiteDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } name ? name : "Sqlite";
        var connectionString = configuration.GetConnectionString("Default") is { Length: > 0 } cs ? cs : "Data Source=App_Data/qqconnect-sample.db";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not wired in this sample. For PostgreSQL or SQL Server, add the EF Core provider package, "
                + "call UseNpgsql/UseSqlServer here, and generate migrations for that provider (docs/account-binding.md).");
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file) && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.Combine(environment.ContentRootPath, file);
        }

        if (Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        // A busy database (another instance or request writing) is waited for, not failed at once.
        sqlite.DefaultTimeout = 30;
        services.AddDbContext<AppDbContext>(options => options.UseSqlite(sqlite.ToString()));
        return services;
    }
}
