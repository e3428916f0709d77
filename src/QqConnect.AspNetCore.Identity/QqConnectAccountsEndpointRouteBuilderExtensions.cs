using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Identity;
using QqConnect.AspNetCore.Identity.Pages;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the pages of QqConnect.AspNetCore.Identity.</summary>
public static class QqConnectAccountsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <see cref="QqConnectAccountsOptions.PathPrefix"/> (<c>/qqconnect</c> by default): <c>GET callback</c>,
    /// where every QQ login lands (a bound QQ signs in; an unbound one goes to the bind page; a signed-in account that
    /// started a bind gets the QQ bound); the bind page <c>GET bind</c> with its forms <c>POST bind/create</c> (an
    /// account with a user name only) and <c>POST bind/existing</c> (user name and password), unless
    /// <see cref="QqConnectAccountsOptions.BindPagePath"/> names the site's own; and the account page <c>GET account</c>
    /// (signed-in users) with <c>POST account/bind</c>, <c>account/refresh</c> and <c>account/unbind</c>, unless
    /// <see cref="QqConnectAccountsOptions.AccountPagePath"/> names the site's own. Every POST checks the antiforgery
    /// token; every answer forbids framing and caching. Needs <c>AddQqConnectAccounts</c>.
    /// </summary>
    /// <typeparam name="TUser">The Identity user type given to <c>AddQqConnectAccounts</c>.</typeparam>
    /// <param name="endpoints">The application.</param>
    /// <returns>The group of the endpoints, to add conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddQqConnectAccounts</c> was not called.</exception>
    public static RouteGroupBuilder MapQqConnectAccounts<TUser>(this IEndpointRouteBuilder endpoints)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Asked of the container, not resolved: the binder is scoped, and this runs on the root provider.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IQqAccountBinder<TUser>)))
        {
            throw new InvalidOperationException($"MapQqConnectAccounts<{typeof(TUser).Name}> needs identityBuilder.AddQqConnectAccounts<{typeof(TUser).Name}, TContext>() in the services.");
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<QqConnectAccountsOptions>>().Value;
        var group = endpoints.MapGroup(options.PathPrefix);
        group.MapGet("/callback", PageEndpoint.Get(QqLoginPages<TUser>.CallbackAsync));
        if (options.BindPagePath is null)
        {
            group.MapGet("/bind", PageEndpoint.Get(QqLoginPages<TUser>.BindPageAsync));
            group.MapPost("/bind/create", PageEndpoint.Post(QqLoginPages<TUser>.CreateAsync));
            group.MapPost("/bind/existing", PageEndpoint.Post(QqLoginPages<TUser>.BindExistingAsync));
        }

        if (options.AccountPagePath is null)
        {
            var account = group.MapGroup("/account").RequireAuthorization();
            account.MapGet("", PageEndpoint.Get(QqAccountPage<TUser>.PageAsync));
            account.MapPost("/bind", PageEndpoint.Post(QqAccountPage<TUser>.BindQqAsync));
            account.MapPost("/refresh", PageEndpoint.Post(QqAccountPage<TUser>.RefreshAsync));
            account.MapPost("/unbind", PageEndpoint.Post(QqAccountPage<TUser>.UnbindQqAsync));
        }

        return group;
    }
}
