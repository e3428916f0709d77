using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// The events the handler raises: the application's own (<see cref="QqConnectAuthenticationOptions.Events"/> or
/// <c>EventsType</c>), each called as it is, then the handler's defaults where the application left the outcome open:
/// after <c>TicketReceived</c> the return URL is made local, and after <c>RemoteFailure</c> the browser is sent back
/// with <c>remoteError</c>.
/// </summary>
internal sealed class EventsWithDefaults : QqConnectAuthenticationEvents
{
    private readonly QqConnectAuthenticationEvents _application;
    private readonly Func<TicketReceivedContext, Task> _afterTicketReceived;
    private readonly Func<RemoteFailureContext, Task> _afterRemoteFailure;

    public EventsWithDefaults(
        QqConnectAuthenticationEvents application,
        Func<TicketReceivedContext, Task> afterTicketReceived,
        Func<RemoteFailureContext, Task> afterRemoteFailure)
    {
        _application = application;
        _afterTicketReceived = afterTicketReceived;
        _afterRemoteFailure = afterRemoteFailure;
    }

    public override Task CreatingTicket(QqConnectCreatingTicketContext context) => _application.CreatingTicket(context);

    public override Task RedirectToAuthorizationEndpoint(RedirectContext<QqConnectAuthenticationOptions> context) =>
        _application.RedirectToAuthorizationEndpoint(context);

    public override Task AccessDenied(AccessDeniedContext context) => _application.AccessDenied(context);

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        await _application.TicketReceived(context).ConfigureAwait(false);
        if (context.Result is null)
        {
            await _afterTicketReceived(context).ConfigureAwait(false);
        }
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        await _application.RemoteFailure(context).ConfigureAwait(false);
        if (context.Result is null && context.Failure is not null)
        {
            await _afterRemoteFailure(context).ConfigureAwait(false);
        }
    }
}
