namespace QqConnect.Client;

/// <summary>Gives the client of a named app, for processes that serve several QQ apps (say, a web app id and a mobile app id).</summary>
public interface IQqConnectClientFactory
{
    /// <summary>Creates the client for the app registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddQqConnectClient(name, ...)</c>; <see cref="string.Empty"/> for the unnamed app.</param>
    /// <returns>A client over a pooled <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Cheap: create one per use.</returns>
    IQqConnectClient CreateClient(string name);
}
