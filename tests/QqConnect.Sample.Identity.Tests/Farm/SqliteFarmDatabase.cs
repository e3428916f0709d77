using QqConnect.Sample.Identity.Data;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>One SQLite file shared by the farm's processes (SQLite's file lock serialises their writes).</summary>
public sealed class SqliteFarmDatabase : FarmDatabase
{
    private readonly TempDatabase _file = new();

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings__Default"] = $"Data Source={_file.Path}",
    };

    public override AppDbContext Open() => SiteFactory.OpenDatabase(_file.Path);

    public override void Dispose() => _file.Dispose();
}
