using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.AspNetCore;
using QqConnect.Sample.Identity.Data;

namespace QqConnect.Sample.Identity.Tests.Infrastructure;

/// <summary>
/// The sample site on TestServer (https://localhost), configured as a real QQ app whose backchannel is the in-process
/// emulator, on a SQLite file of the test's choosing.
/// </summary>
public sealed class SiteFactory(QqConnectEmulator emulator, string databasePath, string appId, string appKey, bool requestUnionId)
    : WebApplicationFactory<AppDbContext> // any type of the site's assembly: its entry point is started
{
    public static readonly Uri BaseAddress = new("https://localhost/");

    public QqConnectEmulator Emulator { get; } = emulator;

    public string AppId { get; } = appId;

    /// <summary>A site of the emulator's UnionID app, asking for the UnionID.</summary>
    public static SiteFactory UnionIdApp(QqConnectEmulator emulator, string databasePath, bool requestUnionId = true) =>
        new(emulator, databasePath, QqConnectEmulatorOptions.UnionIdAppId, QqConnectEmulatorOptions.UnionIdAppKey, requestUnionId);

    /// <summary>A browser of its own (cookie jar), redirects not followed.</summary>
    public TestBrowser NewBrowser() => new(Server.CreateHandler(), BaseAddress);

    /// <summary>A context on the site's database file, outside the site.</summary>
    public AppDbContext OpenDatabase() => OpenDatabase(databasePath);

    public static AppDbContext OpenDatabase(string path) =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("QqConnect:AppId", AppId);
        builder.UseSetting("QqConnect:AppKey", appKey);
        builder.UseSetting("QqConnect:BaseAddress", "https://graph.qq.test/");
        builder.UseSetting("QqConnect:RequestUnionId", requestUnionId ? "true" : "false");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
            services.PostConfigure<QqConnectAuthenticationOptions>(QqConnectAuthenticationDefaults.AuthenticationScheme, options =>
                options.BackchannelHttpHandler = Emulator.CreateHandler()));
    }
}
