using QqConnect.TestSupport;

namespace QqConnect.Client.Benchmarks.Identity;

/// <summary>
/// The one database every node of the farm shares (accounts, QQ profiles and tokens, the Data Protection key ring):
/// a new SQLite file in a temporary folder, or a new database on a real PostgreSQL server of this process's own
/// (tests/Shared/PostgresServer.cs: Debian's initdb and pg_ctl in a temporary directory). Deleted when disposed.
/// </summary>
internal sealed class FarmDatabase : IDisposable
{
    private readonly string? _folder;
    private readonly string? _postgres;

    private FarmDatabase(string kind, string description, IReadOnlyDictionary<string, string> settings, string? folder, string? postgres)
    {
        Kind = kind;
        Description = description;
        Settings = settings;
        _folder = folder;
        _postgres = postgres;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public string Kind { get; }

    /// <summary>What the run uses, for its first line.</summary>
    public string Description { get; }

    /// <summary>The PostgreSQL server's main process (its data directory's postmaster.pid); null for SQLite.</summary>
    public int? Postmaster =>
        _postgres is null ? null
        : int.Parse(File.ReadLines(Path.Combine(Path.GetDirectoryName(PostgresServer.Shared.RunDirectory)!, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The site's settings for it (environment variables).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static FarmDatabase Create(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("qqconnect-identity-load-").FullName;
            var file = Path.Combine(folder, "farm.db");
            return new FarmDatabase("SQLite", $"SQLite file {file}", new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={file}" }, folder, null);
        }

        if (PostgresServer.BinDirectory is null)
        {
            throw new InvalidOperationException("PostgreSQL is missing: install Debian's postgresql (apt-get install -y postgresql).");
        }

        var connectionString = PostgresServer.Shared.CreateDatabase("identity_load");
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = connectionString,
        };
        return new FarmDatabase("PostgreSQL", $"PostgreSQL server on 127.0.0.1:{PostgresServer.Shared.Port} (bin {PostgresServer.BinDirectory})", settings, null, connectionString);
    }

    public void Dispose()
    {
        if (_postgres is not null)
        {
            PostgresServer.Shared.DropDatabase(_postgres);
            PostgresServer.Shared.Dispose();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
