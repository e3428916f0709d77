using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QqConnect.Sample.Identity.Tests.Infrastructure;

namespace QqConnect.Sample.Identity.Tests;

/// <summary>
/// The database failing under the site's own pages (Web/): the package's 503 page, nothing half-written, QQ's code not
/// sent again, and the same QQ login goes on once the database is back.
/// </summary>
public sealed class DatabaseOutageTests : SiteTest
{
    // The file replaced by one that is not a database: every query fails as it does when the server is down (a
    // provider's DbException).
    private async Task<byte[]> BreakDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        var saved = await File.ReadAllBytesAsync(DatabasePath);
        await File.WriteAllBytesAsync(DatabasePath, Enumerable.Repeat((byte)'x', 8192).ToArray());
        return saved;
    }

    private async Task RestoreDatabaseAsync(byte[] saved)
    {
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(DatabasePath, saved);
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("database-unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task DatabaseDown_AtTheQqCallback_Answers503_AndReloadingOnceItIsBack_GoesOnWithoutANewCode()
    {
        using var browser = Site.NewBrowser();
        var challenge = await browser.GetAsync("/qq/login");
        var callback = Emulator.Authorize(challenge.Headers.Location!, userIndex: 0);
        using (var afterQq = await browser.GetAsync(callback.AbsoluteUri))
        {
            Assert.Equal("/qq/callback", afterQq.Headers.Location!.OriginalString);
        }

        var saved = await BreakDatabaseAsync();
        using (var down = await browser.GetAsync("/qq/callback"))
        {
            await AssertUnavailablePageAsync(down);
        }

        await RestoreDatabaseAsync(saved);
        using var back = await browser.GetAsync("/qq/callback");

        Assert.Equal("/qq/bind", back.Headers.Location!.OriginalString);
        Assert.Equal(1, Emulator.GetRequestCount("/oauth2.0/token"));
    }

    [Fact]
    public async Task DatabaseDown_WhenCreatingTheAccount_Answers503_WritesNothing_AndTheSameFormWorksOnceItIsBack()
    {
        using var browser = Site.NewBrowser();
        using (var callback = await Flows.QqLoginAsync(browser, Emulator))
        {
            Assert.Equal("/qq/bind", callback.Headers.Location!.OriginalString);
        }

        var (action, token) = TestBrowser.FindForm(await browser.PageAsync("/qq/bind"), "create-account");
        var saved = await BreakDatabaseAsync();
        using (var down = await browser.PostAsync(action, token, ("userName", "xiaoming")))
        {
            await AssertUnavailablePageAsync(down);
        }

        await RestoreDatabaseAsync(saved);
        await using (var db = Site.OpenDatabase())
        {
            Assert.Equal(0, await db.Users.CountAsync());
            Assert.Equal(0, await db.UserLogins.CountAsync());
            Assert.Equal(0, await db.Set<QqConnect.AspNetCore.Identity.QqUserProfile>().CountAsync());
        }

        using var created = await browser.PostAsync(action, token, ("userName", "xiaoming"));
        Assert.Equal("/account", created.Headers.Location!.OriginalString);
        Assert.Equal("xiaoming", TestBrowser.Text(await browser.PageAsync("/account"), "user-name"));
        Assert.Equal(1, Emulator.GetRequestCount("/oauth2.0/token"));
    }
}
