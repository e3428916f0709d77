using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.TestSupport;

namespace QqConnect.AspNetCore.Identity.Tests.Pages;

/// <summary>The database failing under the pages: a clear 503, nothing half-written, and the site back once it is.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PagesSite _site = null!;

    public async Task InitializeAsync() => _site = await PagesSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    // The database file replaced by one that is not a database: every query fails as a database would when it is
    // down (a provider's DbException).
    private async Task<byte[]> BreakDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        var saved = await File.ReadAllBytesAsync(_site.DatabasePath);
        await File.WriteAllBytesAsync(_site.DatabasePath, Enumerable.Repeat((byte)'x', 8192).ToArray());
        return saved;
    }

    private async Task RestoreDatabaseAsync(byte[] saved)
    {
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(_site.DatabasePath, saved);
    }

    [Fact]
    public async Task DatabaseDown_DuringABind_AnswersA503Page_WritesNothing_AndTheSameQqLoginGoesOnOnceItIsBack()
    {
        using var browser = _site.NewBrowser();
        using (await _site.QqLoginAsync(browser))
        {
        }

        var (action, token) = TestBrowser.FindForm(await browser.PageAsync("/qqconnect/bind?returnUrl=%2F"), "create-account");
        var saved = await BreakDatabaseAsync();

        using (var page = await browser.GetAsync("/qqconnect/bind?returnUrl=%2F"))
        {
            var body = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("database-unavailable", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sqlite", body, StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        }

        using (var create = await browser.PostAsync(action, token, ("userName", "xiaoming"), ("returnUrl", "/")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        }

        await RestoreDatabaseAsync(saved);
        Assert.Null(await _site.WithScopeAsync(services => services.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("xiaoming")));
        using var created = await browser.PostAsync(action, token, ("userName", "xiaoming"), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("xiaoming", await _site.WhoAmIAsync(browser));
    }
}
