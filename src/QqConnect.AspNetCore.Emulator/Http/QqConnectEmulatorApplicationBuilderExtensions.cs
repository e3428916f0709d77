using QqConnect.AspNetCore.Emulator.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves a <see cref="QqConnectEmulator"/> from an ASP.NET Core pipeline.</summary>
public static class QqConnectEmulatorApplicationBuilderExtensions
{
    /// <summary>
    /// Answers every request that reaches this point with <paramref name="emulator"/> (a terminal middleware): its
    /// authorize page, token, OpenID, user info and avatars. Under <c>app.Map("/path", ...)</c> it is served below that
    /// path, and the links it makes (avatars) point at the scheme, host and path base the request came to.
    /// </summary>
    /// <param name="app">The pipeline.</param>
    /// <param name="emulator">The emulator to serve.</param>
    /// <param name="requestLog">Receives one line per request (method, path and status; never the query, which carries secrets). Null: silent.</param>
    /// <returns>The pipeline.</returns>
    public static IApplicationBuilder RunQqConnectEmulator(this IApplicationBuilder app, QqConnectEmulator emulator, Action<string>? requestLog = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(emulator);
        app.Run(context => EmulatorHttpAdapter.ServeAsync(context, emulator, requestLog));
        return app;
    }
}
