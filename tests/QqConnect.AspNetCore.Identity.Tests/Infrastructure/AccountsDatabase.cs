using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>The database engines the account tests run on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file of the test's own.</summary>
    Sqlite,

    /// <summary>A database of the test's own on the test process's PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>An empty database of one test, on one engine, deleted afterwards.</summary>
public abstract class AccountsDatabase : IDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>A new database on <paramref name="provider"/> (PostgreSQL: skipped when the server is not installed).</summary>
    public static AccountsDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDatabase(),
        DatabaseProvider.PostgreSql => new PostgreSqlDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Points EF Core's <paramref name="options"/> at this database.</summary>
    public abstract void Use(DbContextOptionsBuilder options);

    public abstract void Dispose();
}
