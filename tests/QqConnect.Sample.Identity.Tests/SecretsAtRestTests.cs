using System.Net;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>
/// The database holds password hashes, QQ tokens and the Data Protection key ring: on Unix its folder and file are for
/// the site's user only, and the keys' XML is never written to the log, whatever the log level.
/// </summary>
public sealed class SecretsAtRestTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task NewDatabaseFolderAndFile_AreReadableByTheSitesUserOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions
        }

        var root = Path.Combine(Path.GetTempPath(), $"qqconnect-identity-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, "App_Data");
        var file = Path.Combine(folder, "site.db");
        try
        {
            await using (var site = SiteFactory.UnionIdApp(new QqConnectEmulator(), file))
            {
                using var browser = site.NewBrowser();
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/login")).StatusCode);
                await Flows.RegisterAsync(browser, "alice"); // a write: the journal comes and goes

                Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
            }

            foreach (var path in Directory.GetFiles(folder))
            {
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Development", false)] // demo mode
    [InlineData("Production", true)] // a real QQ app
    public async Task KeyRing_IsNeverLogged_EvenAtTraceLevel(string environment, bool realApp)
    {
        using var database = new TempDatabase();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={database.Path}",
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging__Console__LogLevel__Default"] = "Trace",
        };
        if (realApp)
        {
            settings["QqConnect__AppId"] = "101234567";
            settings["QqConnect__AppKey"] = "0123456789abcdef0123456789abcdef";
            settings["QqConnect__BaseAddress"] = "http://127.0.0.1:9/";
        }

        // The first start makes the key ring's first key and reads it back; the second finds it in the database.
        var output = "";
        for (var start = 0; start < 2; start++)
        {
            await using var site = await SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(60), SampleProcess.IdentitySample, settings);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(site.BaseAddress, "/login"))).StatusCode); // antiforgery: the key in use
            await Task.Delay(300);
            output += site.Output;
        }

        // Trace level was on (EF Core logged its commands on the key table), and no key's XML came with it.
        Assert.Contains("\"DataProtectionKeys\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<key id=", output, StringComparison.Ordinal);
    }
}
