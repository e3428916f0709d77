using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Lands the QQ logins that the standard templates start on the package's callback: a ticket whose return URL is
/// the template's external-login callback (Identity UI: <c>/Identity/Account/ExternalLogin?handler=Callback</c>;
/// Blazor: <c>/Account/ExternalLogin?Action=LoginCallback</c>) or its link-login callback (Manage → External logins)
/// goes to <c>{PathPrefix}/callback</c> instead, with the template's local return URL. Failures and cancels are
/// untouched: the handler sends them back to the template's page with <c>remoteError</c>. Wraps
/// <c>Events.OnTicketReceived</c> of every QQ scheme (a scheme with <c>EventsType</c> set is not wrapped).
/// </summary>
internal sealed class TemplateCallbackRouting(IOptions<QqConnectAccountsOptions> accounts) : IPostConfigureOptions<QqConnectAuthenticationOptions>
{
    public void PostConfigure(string? name, QqConnectAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = options.Events;
        var previous = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            await previous(context).ConfigureAwait(false);
            if (context.Result is null && Rewrite(context.Request.PathBase, context.ReturnUri, accounts.Value.PathPrefix) is { } callback)
            {
                context.ReturnUri = callback;
            }
        };
    }

    /// <summary>The package's callback for a template callback URL; <see langword="null"/> for any other URL.</summary>
    internal static string? Rewrite(PathString pathBase, string? returnUri, string pathPrefix)
    {
        if (!QqLoginStateProtector.IsLocalReturnUrl(returnUri))
        {
            return null;
        }

        var queryStart = returnUri!.IndexOf('?', StringComparison.Ordinal);
        var path = new PathString(queryStart < 0 ? returnUri : returnUri[..queryStart]);
        if (pathBase.HasValue)
        {
            if (!path.StartsWithSegments(pathBase, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                return null;
            }

            path = rest;
        }

        var query = QueryHelpers.ParseQuery(queryStart < 0 ? "" : returnUri[queryStart..]);
        string Value(string key) => query.TryGetValue(key, out var value) ? value.ToString() : "";
        bool Is(string template) => string.Equals(path.Value, template, StringComparison.OrdinalIgnoreCase);

        string? returnUrl;
        if (Is("/Identity/Account/ExternalLogin") && Value("handler") == "Callback")
        {
            returnUrl = Value("returnUrl");
        }
        else if (Is("/Account/ExternalLogin") && Value("Action") == "LoginCallback")
        {
            returnUrl = Value("ReturnUrl");
        }
        else if ((Is("/Identity/Account/Manage/ExternalLogins") && Value("handler") == "LinkLoginCallback")
            || (Is("/Account/Manage/ExternalLogins") && Value("Action") == "LinkLoginCallback"))
        {
            returnUrl = pathBase.Add(path).ToUriComponent();
        }
        else
        {
            return null;
        }

        var callback = pathBase.Add(new PathString(pathPrefix + "/callback")).ToUriComponent();
        return QqLoginStateProtector.IsLocalReturnUrl(returnUrl) ? QueryHelpers.AddQueryString(callback, SitePaths.ReturnUrlParameter, returnUrl!) : callback;
    }
}
