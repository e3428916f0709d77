using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Turns a page's handler into a <see cref="RequestDelegate"/> (no reflection-made binding: the package is
/// AOT-compatible): the security headers on every answer, and for a POST the antiforgery check first (a missing or
/// wrong token gets a 400 page; nothing runs).
/// </summary>
internal static class PageEndpoint
{
    public static RequestDelegate Get(Func<HttpContext, Task<IResult>> handler) => async http =>
    {
        SecurityHeaders.Apply(http.Response);
        var result = await handler(http).ConfigureAwait(false);
        await result.ExecuteAsync(http).ConfigureAwait(false);
    };

    public static RequestDelegate Post(Func<HttpContext, IFormCollection, Task<IResult>> handler) => async http =>
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
        var result = await handler(http, form).ConfigureAwait(false);
        await result.ExecuteAsync(http).ConfigureAwait(false);
    };
}
