using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// The site's database failing under a page (down, unreachable, refusing): a 503 page that says so, never a stack
/// trace. Every write of the binder runs in one transaction, so nothing is half-written; the pending QQ login stays
/// in Identity's external cookie, so reloading the page once the database is back goes on where it stopped (QQ's
/// single-use code was exchanged before, and is not sent again).
/// </summary>
internal static partial class DatabaseUnavailable
{
    /// <summary>Whether <paramref name="exception"/> comes from the database: a provider's error, anywhere in its causes.</summary>
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    public static Task AnswerAsync(HttpContext http, Exception exception)
    {
        Log.Unavailable(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("QqConnect.AspNetCore.Identity.Pages"), exception.GetType().Name, exception);
        http.Response.Headers.RetryAfter = "10";
        return Html.Page("暂时无法访问 Temporarily unavailable",
            "<p class=\"error\" id=\"database-unavailable\">网站的数据库暂时不可用，请稍后刷新本页重试。 The site's database is unavailable for now; reload this page in a moment.</p>",
            StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A QQ account page could not reach the database ({Kind}); answered 503.")]
        public static partial void Unavailable(ILogger logger, string kind, Exception exception);
    }
}
