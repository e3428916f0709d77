using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore.Identity.Pages;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The database-unavailable page of QqConnect.AspNetCore.Identity, for the site's own pages.</summary>
public static class QqConnectAccountsApplicationBuilderExtensions
{
    /// <summary>
    /// Answers the package's 503 page (a message in Chinese and English, <c>Retry-After: 10</c>, logged, never a stack
    /// trace) when the database fails under a later middleware or endpoint: a provider's <c>DbException</c> or a
    /// <see cref="TimeoutException"/>, anywhere in the exception's causes, before the answer has started. Other
    /// exceptions pass through unchanged. The package's own pages (<c>MapQqConnectAccounts</c>) answer the same page
    /// without this; add it, early in the pipeline, for the site's own login, bind and account pages.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static IApplicationBuilder UseQqConnectDatabaseUnavailablePage(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (http, next) => AnswerAsync(http, next));
    }

    private static async Task AnswerAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            SecurityHeaders.Apply(http.Response);
            await DatabaseUnavailable.AnswerAsync(http, exception).ConfigureAwait(false);
        }
    }
}
