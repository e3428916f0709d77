namespace QqConnect.AspNetCore.Internal;

/// <summary>Which <c>AddQqConnectClient</c> registration serves a scheme.</summary>
internal static class QqConnectClientNames
{
    /// <summary>The registration <c>AddQqConnect</c> makes for <paramref name="scheme"/>.</summary>
    public static string ForScheme(string scheme) => QqConnectAuthenticationDefaults.ClientNamePrefix + scheme;

    /// <summary>The registration whose client the scheme uses: <see cref="QqConnectAuthenticationOptions.ClientName"/> or its own.</summary>
    public static string Resolve(string scheme, QqConnectAuthenticationOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientName) ? ForScheme(scheme) : options.ClientName;
}
