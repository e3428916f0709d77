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
    /// <summary>
    /// Registers <see cref="AppDbContext"/>. SQLite is the default (a file under the content root, created on first
    /// start by the committed migrations). On Unix the folder it creates is for the site's user only (0700) and so is
    /// the file (0600): it holds password hashes, QQ tokens and the Data Protection keys. A farm points every instance at one PostgreSQL or SQL Server database
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

        if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            CreatePrivateFile(path);
        }

        // A busy database (another instance or request writing) is waited for, not failed at once.
        sqlite.DefaultTimeout = 30;
        services.AddDbContext<AppDbContext>(options => options.UseSqlite(sqlite.ToString()));
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
