using Microsoft.EntityFrameworkCore;
using Npgsql;
using QqConnect.Sample.Identity.Data;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>
/// A database of its own on a real PostgreSQL server (the test process's shared one, or <paramref name="server"/>);
/// the farm's sites run with <c>Database:Provider</c> = <c>PostgreSql</c> and create its tables by their migrations.
/// </summary>
public sealed class PostgreSqlFarmDatabase(PostgresServer? server = null) : FarmDatabase
{
    private readonly PostgresServer _server = server ?? PostgresServer.Shared;
    private string? _connectionString;

    public string ConnectionString => _connectionString ??= _server.CreateDatabase("farm");

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Default"] = ConnectionString,
    };

    public override AppDbContext Open() =>
        new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(ConnectionString).Options);

    public override void Dispose()
    {
        if (_connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            _server.DropDatabase(_connectionString);
        }
    }
}
