namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>The farm on one SQLite file.</summary>
public sealed class WebFarmSqliteTests : WebFarmTests
{
    protected override FarmDatabase NewDatabase() => new SqliteFarmDatabase();
}
