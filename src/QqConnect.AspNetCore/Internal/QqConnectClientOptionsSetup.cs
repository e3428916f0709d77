using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// Sets the client options of the registration <c>AddQqConnect</c> makes for a scheme, from the scheme's options.
/// </summary>
internal sealed class QqConnectClientOptionsSetup : IConfigureNamedOptions<QqConnectOptions>
{
    // Never sent: the handler passes the redirect URI of each request to the client explicitly.
    // The client's options require an absolute URL, so this reserved (.invalid) one stands in.
    internal const string UnusedRedirectUri = "https://redirect-uri-is-set-per-request.invalid/";

    private readonly string _scheme;
    private readonly IServiceProvider _services;

    // The monitors are resolved when used: the client options' own monitor depends on this setup.
    public QqConnectClientOptionsSetup(string scheme, IServiceProvider services)
    {
        _scheme = scheme;
        _services = services;
    }

    public void Configure(string? name, QqConnectOptions options)
    {
        if (!string.Equals(name, QqConnectClientNames.ForScheme(_scheme), StringComparison.Ordinal))
        {
            return;
        }

        var scheme = _services.GetRequiredService<IOptionsMonitor<QqConnectAuthenticationOptions>>().Get(_scheme);
        if (!string.IsNullOrWhiteSpace(scheme.ClientName))
        {
            // The scheme reuses another registration: this one is never used, but it is validated at start-up,
            // so it mirrors the reused one (and fails the same way when that one is missing).
            var reused = _services.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().Get(scheme.ClientName);
            options.AppId = reused.AppId;
            options.AppKey = reused.AppKey;
            options.BaseAddress = reused.BaseAddress;
            options.RedirectUri = UnusedRedirectUri;
            return;
        }

        options.AppId = scheme.AppId ?? string.Empty;
        options.AppKey = scheme.AppKey ?? string.Empty;
        options.RedirectUri = UnusedRedirectUri;
        options.RequestUnionId = scheme.RequestUnionId;
        options.Scopes = [.. scheme.Scopes];
        if (scheme.BaseAddress is not null)
        {
            options.BaseAddress = scheme.BaseAddress;
        }
    }

    public void Configure(QqConnectOptions options) => Configure(Options.DefaultName, options);
}
