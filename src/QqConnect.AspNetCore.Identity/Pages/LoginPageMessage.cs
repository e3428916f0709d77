using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Sends the browser to the site's login page with a message the standard templates show there: the Identity UI's
/// login page shows TempData's <c>ErrorMessage</c>; the Blazor template's shows the <c>Identity.StatusMessage</c>
/// cookie. Another login page gets the message code as <c>m</c> in the query.
/// </summary>
internal static class LoginPageMessage
{
    private const string BlazorStatusCookie = "Identity.StatusMessage";

    public static IResult Redirect(HttpContext http, SitePaths paths, string code, string? returnUrl)
    {
        var text = Messages.Text(code) ?? "";
        if (http.RequestServices.GetService<ITempDataDictionaryFactory>() is { } tempDataFactory)
        {
            var tempData = tempDataFactory.GetTempData(http);
            tempData["ErrorMessage"] = text;
            tempData.Save();
        }

        http.Response.Cookies.Append(BlazorStatusCookie, "Error: " + text, new CookieOptions
        {
            SameSite = SameSiteMode.Strict,
            HttpOnly = true,
            IsEssential = true,
            MaxAge = TimeSpan.FromSeconds(5),
            Secure = http.Request.IsHttps,
        });

        var login = SitePaths.With(paths.LoginPage, code);
        return Results.Redirect(QqLoginStateProtector.IsLocalReturnUrl(returnUrl) ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(login, "ReturnUrl", returnUrl!) : login);
    }
}
