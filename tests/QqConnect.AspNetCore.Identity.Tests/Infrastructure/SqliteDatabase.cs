using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>A SQLite file of its own in the temp folder, deleted (with its journal files) afterwards.</summary>
public sealed class SqliteDatabase : AccountsDatabase
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"qqconnect-accounts-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The connection string: a busy file is waited for, as a site configures it.</summary>
    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30 }.ToString();

    public override void Use(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
