using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The URLs the pages link and redirect to, under the request's path base.</summary>
internal sealed class SitePaths(HttpContext http, QqConnectAccountsOptions options)
{
    public const string ReturnUrlParameter = "returnUrl";

    public static SitePaths For(HttpContext http) =>
        new(http, http.RequestServices.GetRequiredService<IOptions<QqConnectAccountsOptions>>().Value);

    public QqConnectAccountsOptions Options => options;

    public string Callback => App(options.PathPrefix + "/callback");

    public string BindPage => App(options.BindPagePath ?? options.PathPrefix + "/bind");

    public string AccountPage => App(options.AccountPagePath ?? options.PathPrefix + "/account");

    /// <summary>Where a post of the package's own pages goes: <c>{PathPrefix}/{relative}</c>.</summary>
    public string Action(string relative) => App(options.PathPrefix + "/" + relative);

    /// <summary>The site's login page: the configured one, else the login path of Identity's application cookie.</summary>
    public string LoginPage
    {
        get
        {
            var path = options.LoginPath;
            if (path is null)
            {
                var cookie = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
                path = cookie.LoginPath.HasValue ? cookie.LoginPath.Value : "/Account/Login";
            }

            return App(path);
        }
    }

    /// <summary><paramref name="candidate"/> when it is local, else the site's default return URL.</summary>
    public string ReturnUrl(string? candidate) => QqLoginStateProtector.IsLocalReturnUrl(candidate) ? candidate! : App(options.DefaultReturnUrl);

    /// <summary>The request's local return URL (query or form), or <see langword="null"/>.</summary>
    public static string? LocalReturnUrl(string? candidate) => QqLoginStateProtector.IsLocalReturnUrl(candidate) ? candidate : null;

    /// <summary><paramref name="path"/> with a message code and the return URL, if any.</summary>
    public static string With(string path, string? message = null, string? returnUrl = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (message is not null)
        {
            query["m"] = message;
        }

        if (QqLoginStateProtector.IsLocalReturnUrl(returnUrl))
        {
            query[ReturnUrlParameter] = returnUrl;
        }

        return query.Count == 0 ? path : QueryHelpers.AddQueryString(path, query);
    }

    private string App(string path) => http.Request.PathBase.Add(new PathString(path)).ToUriComponent();
}
