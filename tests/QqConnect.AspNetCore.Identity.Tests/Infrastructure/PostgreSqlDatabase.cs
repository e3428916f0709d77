using Microsoft.EntityFrameworkCore;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Infrastructure;

/// <summary>
/// A database of its own (CREATE DATABASE) on the test process's real PostgreSQL server (<see cref="PostgresServer"/>),
/// dropped afterwards.
/// </summary>
public sealed class PostgreSqlDatabase : AccountsDatabase
{
    private readonly PostgresServer _server = PostgresServer.Shared;

    public PostgreSqlDatabase()
    {
        ConnectionString = _server.CreateDatabase("qqconnect_accounts");
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString { get; }

    public override void Use(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    public override void Dispose() => _server.DropDatabase(ConnectionString);
}
