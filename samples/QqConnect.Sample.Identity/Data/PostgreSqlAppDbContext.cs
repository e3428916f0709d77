using Microsoft.EntityFrameworkCore;

namespace QqConnect.Sample.Identity.Data;

/// <summary>The site's database on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>): migrations in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);
