using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QqConnect.Sample.Identity.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add … --context SqliteAppDbContext</c> only (the site itself is not started): the
/// SQLite model the committed SQLite migrations are generated from.
/// </summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Used by <c>dotnet ef migrations add … --context PostgreSqlAppDbContext</c> only: the PostgreSQL model the
/// committed PostgreSQL migrations are generated from (no server is needed to generate them; <c>dotnet ef database
/// update</c> takes the real connection string with <c>--connection</c>).
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=localhost;Database=qqconnect_sample").Options);
}
