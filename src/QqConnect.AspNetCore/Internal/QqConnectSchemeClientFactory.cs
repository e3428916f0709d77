using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// A scheme's client: the registration <see cref="QqConnectClientNames.Resolve"/> names, the same rule the handler uses
/// for its own calls, so what the application calls after a login goes to the app (and HTTP pipeline) of the login.
/// </summary>
internal sealed class QqConnectSchemeClientFactory : IQqConnectSchemeClientFactory
{
    private readonly IQqConnectClientFactory _clients;
    private readonly IOptionsMonitor<QqConnectAuthenticationOptions> _schemes;
    private readonly IOptions<AuthenticationOptions> _authentication;

    public QqConnectSchemeClientFactory(IQqConnectClientFactory clients, IOptionsMonitor<QqConnectAuthenticationOptions> schemes, IOptions<AuthenticationOptions> authentication)
    {
        _clients = clients;
        _schemes = schemes;
        _authentication = authentication;
    }

    public IQqConnectClient CreateClient(string authenticationScheme)
    {
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        if (!_authentication.Value.SchemeMap.TryGetValue(authenticationScheme, out var scheme) || scheme.HandlerType != typeof(QqConnectAuthenticationHandler))
        {
            throw new InvalidOperationException($"No QQ scheme named '{authenticationScheme}' was added: add it with AddQqConnect(\"{authenticationScheme}\", ...), or pass the scheme AddQqConnect was given.");
        }

        return _clients.CreateClient(QqConnectClientNames.Resolve(authenticationScheme, _schemes.Get(authenticationScheme)));
    }
}
