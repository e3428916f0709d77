using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QqConnect.AspNetCore.Identity.Tests;

/// <summary>UseQqConnectDatabaseUnavailablePage(): the site's own pages get the package's 503 page for a database failure, and only for one.</summary>
public sealed class QqConnectAccountsApplicationBuilderExtensionsTests
{
    private static async Task<WebApplication> StartAsync(RequestDelegate page)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseQqConnectDatabaseUnavailablePage();
        app.Map("/page", page);
        await app.StartAsync();
        return app;
    }

    // A real provider failure: SQLite opening a file that is not a database.
    private static async Task QueryBrokenDatabaseAsync(HttpContext http)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qqconnect-not-a-db-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(path, Enumerable.Repeat((byte)'x', 8192).ToArray());
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DatabaseFailureUnderASitePage_Answers503PageWithRetryAfter_NoStackTrace()
    {
        await using var app = await StartAsync(async http =>
        {
            http.Response.Headers["X-Half-Written"] = "yes";
            await QueryBrokenDatabaseAsync(http);
        });
        using var response = await app.GetTestClient().GetAsync(new Uri("/page", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("X-Half-Written"));
        Assert.Contains("database-unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DatabaseFailureWrappedInAnotherException_IsFoundInTheCauses()
    {
        await using var app = await StartAsync(async http =>
        {
            try
            {
                await QueryBrokenDatabaseAsync(http);
            }
            catch (SqliteException inner)
            {
                throw new InvalidOperationException("the store failed", new DbUpdateException("save failed", inner));
            }
        });
        using var response = await app.GetTestClient().GetAsync(new Uri("/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task OtherException_PassesThrough_NotTurnedIntoA503()
    {
        await using var app = await StartAsync(_ => throw new InvalidOperationException("a bug, not the database"));
        var client = app.GetTestClient();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("/page", UriKind.Relative)));
        Assert.Equal("a bug, not the database", exception.Message);
    }

    [Fact]
    public async Task DatabaseFailureAfterTheAnswerStarted_IsNotRewritten()
    {
        await using var app = await StartAsync(async http =>
        {
            await http.Response.WriteAsync("partial");
            await http.Response.Body.FlushAsync();
            await QueryBrokenDatabaseAsync(http);
        });
        using var response = await app.GetTestClient().GetAsync(new Uri("/page", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        // The 200 already sent stays; the answer is broken off, as ASP.NET Core does for any failure after it started.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
    }
}
