namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>The farm on a real PostgreSQL server.</summary>
public sealed class WebFarmPostgreSqlTests : WebFarmTests
{
    protected override FarmDatabase NewDatabase() => new PostgreSqlFarmDatabase();
}
