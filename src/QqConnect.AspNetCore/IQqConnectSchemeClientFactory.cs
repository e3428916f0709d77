namespace QqConnect.AspNetCore;

/// <summary>
/// Gives the <see cref="IQqConnectClient"/> a QQ login scheme uses, for calls made after the login (read the profile
/// again, refresh the saved tokens): the client of the <c>AddQqConnectClient</c> registration named by
/// <see cref="QqConnectAuthenticationOptions.ClientName"/> when the scheme sets one, else the scheme's own
/// (<see cref="QqConnectAuthenticationDefaults.ClientNamePrefix"/> + scheme). Registered by <c>AddQqConnect</c>.
/// </summary>
public interface IQqConnectSchemeClientFactory
{
    /// <summary>Creates the client of <paramref name="authenticationScheme"/>.</summary>
    /// <param name="authenticationScheme">A scheme added with <c>AddQqConnect</c>, such as <c>QQ</c> (Identity's <c>LoginProvider</c>).</param>
    /// <returns>A client over a pooled <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Cheap: create one per use.</returns>
    /// <exception cref="InvalidOperationException">No QQ scheme of that name was added with <c>AddQqConnect</c>.</exception>
    IQqConnectClient CreateClient(string authenticationScheme);
}
