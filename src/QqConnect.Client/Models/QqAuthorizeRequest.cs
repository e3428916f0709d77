namespace QqConnect.Client;

/// <summary>What to put in an authorize URL beyond the app's settings.</summary>
public sealed class QqAuthorizeRequest
{
    /// <summary>Creates a request with the state to echo back.</summary>
    /// <param name="state">An unguessable value bound to the user's browser (CSRF protection).</param>
    public QqAuthorizeRequest(string state)
    {
        State = state;
    }

    /// <summary>The state QQ echoes back to the callback.</summary>
    public string State { get; }

    /// <summary>The scopes to ask for; <see langword="null"/> uses <see cref="QqConnectOptions.Scopes"/>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The page style: PC (default) or mobile (<c>display=mobile</c>).</summary>
    public QqDisplay Display { get; init; }

    /// <summary>
    /// A redirect URI other than <see cref="QqConnectOptions.RedirectUri"/>. The very same string must then be
    /// passed to <see cref="IQqConnectClient.ExchangeCodeAsync(string, string, CancellationToken)"/>.
    /// </summary>
    public string? RedirectUri { get; init; }
}
