using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Internal;

namespace Microsoft.AspNetCore.Authentication;

/// <summary>Refreshes the QQ tokens saved (<c>SaveTokens</c>) in a signed-in user's authentication properties.</summary>
public static class QqConnectTokenExtensions
{
    /// <summary>
    /// Exchanges the signed-in user's saved refresh token for new tokens through the scheme's client (the one
    /// <see cref="IQqConnectSchemeClientFactory"/> gives: the <c>ClientName</c> registration's when set), and signs the
    /// user in again at once with the new <c>access_token</c>, <c>refresh_token</c> and <c>expires_at</c> (QQ's
    /// refresh tokens are single-use: the old one is dead from now on).
    /// </summary>
    /// <param name="context">The request of the signed-in user.</param>
    /// <param name="scheme">The QQ scheme the user logged in with; <c>QQ</c> by default.</param>
    /// <param name="cancellationToken">Cancels the call to QQ.</param>
    /// <returns>The new token.</returns>
    /// <exception cref="InvalidOperationException">No user is signed in with the scheme's sign-in scheme, or no refresh token was saved.</exception>
    /// <exception cref="QqConnectException">QQ refused the refresh (100021 for a used or expired refresh token: log in again).</exception>
    public static async Task<QqAccessToken> RefreshQqConnectTokensAsync(this HttpContext context, string scheme = QqConnectAuthenticationDefaults.AuthenticationScheme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(scheme);

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<QqConnectAuthenticationOptions>>().Get(scheme);
        var signInScheme = options.SignInScheme
            ?? throw new InvalidOperationException($"The QQ scheme '{scheme}' has no SignInScheme.");
        var signedIn = await context.AuthenticateAsync(signInScheme).ConfigureAwait(false);
        if (!signedIn.Succeeded || signedIn.Principal is null)
        {
            throw new InvalidOperationException($"No user is signed in with '{signInScheme}', so there are no QQ tokens to refresh.");
        }

        var properties = signedIn.Properties ?? new AuthenticationProperties();
        var refreshToken = properties.GetTokenValue(TokenNames.RefreshToken);
        if (string.IsNullOrEmpty(refreshToken))
        {
            throw new InvalidOperationException($"The signed-in user has no saved QQ refresh token: set SaveTokens = true on the '{scheme}' scheme.");
        }

        var client = context.RequestServices.GetRequiredService<IQqConnectSchemeClientFactory>().CreateClient(scheme);
        var token = await client.RefreshAsync(refreshToken, cancellationToken).ConfigureAwait(false);

        properties.StoreTokens(TokenNames.From(token));
        await context.SignInAsync(signInScheme, signedIn.Principal, properties).ConfigureAwait(false);
        return token;
    }
}
