using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Turns a page's handler into a <see cref="RequestDelegate"/> (no reflection-made binding: the package is
/// AOT-compatible): the security headers on every answer, for a POST the antiforgery check first (a missing or
/// wrong token gets a 400 page; nothing runs), and a 503 page when the database fails under the handler.
/// </summary>
internal static class PageEndpoint
{
    public static RequestDelegate Get(Func<HttpContext, Task<IResult>> handler) => http => GetAsync(http, handler);

    public static RequestDelegate Post(Func<HttpContext, IFormCollection, Task<IResult>> handler) => http => PostAsync(http, handler);

    private static Task GetAsync(HttpContext http, Func<HttpContext, Task<IResult>> handler)
    {
        SecurityHeaders.Apply(http.Response);
        return AnswerAsync(http, () => handler(http));
    }

    private static async Task PostAsync(HttpContext http, Func<HttpContext, IFormCollection, Task<IResult>> handler)
    {
        SecurityHeaders.Apply(http.Response);
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            await Html.Page("请求已过期 Request expired",
                "<p class=\"error\" id=\"antiforgery\">表单已过期或无效，请返回页面重试。 The form expired or is not valid; go back and try again.</p>",
                StatusCodes.Status400BadRequest).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        await AnswerAsync(http, () => handler(http, form)).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext http, Func<Task<IResult>> handler)
    {
        IResult result;
        try
        {
            result = await handler().ConfigureAwait(false);
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception) && !http.Response.HasStarted)
        {
            await DatabaseUnavailable.AnswerAsync(http, exception).ConfigureAwait(false);
            return;
        }

        await result.ExecuteAsync(http).ConfigureAwait(false);
    }
}
