using QqConnect.Sample.Identity.Data;

namespace QqConnect.Sample.Identity.Tests.Farm;

/// <summary>The one database every instance of a farm uses: the settings that point the site at it, and a context on it for the test.</summary>
public abstract class FarmDatabase : IDisposable
{
    /// <summary>The site's environment variables for this database (<c>Database__Provider</c>, <c>ConnectionStrings__Default</c>).</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A context on the database, outside the sites.</summary>
    public abstract AppDbContext Open();

    public abstract void Dispose();
}
