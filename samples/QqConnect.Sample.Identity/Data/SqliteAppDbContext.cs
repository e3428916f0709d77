using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Data;

/// <summary>The site's database on SQLite (the default): migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
