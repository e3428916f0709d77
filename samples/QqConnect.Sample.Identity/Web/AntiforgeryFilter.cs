using Microsoft.AspNetCore.Antiforgery;

namespace QqConnect.Sample.Identity.Web;

/// <summary>Every POST of the site carries the antiforgery token of the form it came from.</summary>
internal static class AntiforgeryFilter
{
    /// <summary>Validates the token before the endpoint runs; a missing or wrong token gets 400.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context.HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return Html.Page("请求已过期 Request expired", "<p class=\"error\" id=\"antiforgery\">表单已过期，请返回重试。 The form expired; go back and try again.</p>", StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
}
