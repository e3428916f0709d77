using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace QqConnect.Sample.Identity.Data;

/// <summary>The database from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
internal static class DatabaseSetup
{
    private const string SqliteProvider = "Sqlite";
    private const string PostgreSqlProvider = "PostgreSql";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the provider <c>Database:Provider</c> names: <c>Sqlite</c> (the default)
    /// or <c>PostgreSql</c>, with the connection string <c>ConnectionStrings:Default</c>. SQLite's default is a file
    /// under the content root, created on first start by the committed migrations; on Unix the folder it creates is for
    /// the site's user only (0700) and so is the file (0600): it holds password hashes, QQ tokens and the Data
    /// Protection keys. PostgreSQL has no default: a farm points every instance at one database (docs/account-binding.md).
    /// </summary>
    public static IServiceCollection AddSiteDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } name ? name.Trim() : SqliteProvider;
        var connectionString = configuration.GetConnectionString("Default");
        if (provider.Equals(PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSql but ConnectionStrings:Default is not set: give the server's connection string "
                    + "(for example the environment variable ConnectionStrings__Default=\"Host=db;Database=qqconnect;Username=qqconnect;Password=...\").");
            }

            services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>(options => options.UseNpgsql(connectionString));
            return services;
        }

        if (!provider.Equals(SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not known to this sample: use {SqliteProvider} (the default) or {PostgreSqlProvider}. "
                + "Another provider needs its EF Core package, a line here and migrations of its own (docs/account-binding.md).");
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? "Data Source=App_Data/qqconnect-sample.db" : connectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file) && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.Combine(environment.ContentRootPath, file);
        }

        if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            CreatePrivateFile(path);
        }

        // A busy database (another instance or request writing) is waited for, not failed at once.
        sqlite.DefaultTimeout = 30;
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => options.UseSqlite(sqlite.ToString()));
        return services;
    }

    /// <summary>
    /// The site's key ring in its database (<see cref="AppDbContext.DataProtectionKeys"/>), as
    /// <c>PersistKeysToDbContext</c> stores it, but read and written without log lines: that repository logs every
    /// key's XML, the master key included, at Debug level when it reads the ring.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToSiteDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, services) =>
            options.XmlRepository = new EntityFrameworkCoreXmlRepository<AppDbContext>(services, NullLoggerFactory.Instance));
        return builder;
    }

    /// <summary>
    /// Creates the database's folder and an empty file (SQLite takes an empty file as an empty database) before EF
    /// opens it, so that neither is ever readable by other users on Unix. Folders and files that exist are left as
    /// they are (a folder such as /tmp is not the site's to change).
    /// </summary>
    private static void CreatePrivateFile(string path)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first.
        }
    }
}
