using Microsoft.AspNetCore.Authentication;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>The site's QQ schemes (one per QQ app, each added with <c>AddQqConnect</c>): Identity's QQ <c>LoginProvider</c>s.</summary>
internal sealed class QqSchemes(IAuthenticationSchemeProvider schemes)
{
    private static readonly Type QqHandler = typeof(RemoteAuthenticationHandler<QqConnectAuthenticationOptions>);

    /// <summary>The names of the schemes whose handler is the QQ handler.</summary>
    public async Task<HashSet<string>> NamesAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scheme in await schemes.GetAllSchemesAsync().ConfigureAwait(false))
        {
            if (QqHandler.IsAssignableFrom(scheme.HandlerType))
            {
                names.Add(scheme.Name);
            }
        }

        return names;
    }

    /// <summary>Whether <paramref name="loginProvider"/> is a QQ scheme.</summary>
    public async Task<bool> IsQqAsync(string loginProvider) =>
        await schemes.GetSchemeAsync(loginProvider).ConfigureAwait(false) is { } scheme && QqHandler.IsAssignableFrom(scheme.HandlerType);
}
