using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore;

/// <summary>
/// The events of the QQ handler: <see cref="OnRedirectToAuthorizationEndpoint"/> and <see cref="OnCreatingTicket"/>,
/// plus the remote handlers' <c>OnTicketReceived</c>, <c>OnRemoteFailure</c> and <c>OnAccessDenied</c>.
/// </summary>
public class QqConnectAuthenticationEvents : RemoteAuthenticationEvents
{
    /// <summary>Called after QQ's answers are read and the claims made, before the ticket is issued. Add or change claims here.</summary>
    public Func<QqConnectCreatingTicketContext, Task> OnCreatingTicket { get; set; } = _ => Task.CompletedTask;

    /// <summary>Called to send the browser to QQ's authorize page; by default a 302 to <c>RedirectUri</c>.</summary>
    public Func<RedirectContext<QqConnectAuthenticationOptions>, Task> OnRedirectToAuthorizationEndpoint { get; set; } = context =>
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };

    /// <summary>Invokes <see cref="OnCreatingTicket"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The event's task.</returns>
    public virtual Task CreatingTicket(QqConnectCreatingTicketContext context) => OnCreatingTicket(context);

    /// <summary>Invokes <see cref="OnRedirectToAuthorizationEndpoint"/>.</summary>
    /// <param name="context">The context; <c>RedirectUri</c> is QQ's authorize URL.</param>
    /// <returns>The event's task.</returns>
    public virtual Task RedirectToAuthorizationEndpoint(RedirectContext<QqConnectAuthenticationOptions> context) => OnRedirectToAuthorizationEndpoint(context);
}
