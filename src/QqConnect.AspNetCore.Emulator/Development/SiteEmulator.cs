using Microsoft.AspNetCore.Http;
using QqConnect.AspNetCore.Emulator.Http;

namespace QqConnect.AspNetCore.Emulator.Development;

/// <summary>
/// The one emulator of a site in Development: served by the site under <see cref="QqConnectEmulatorDefaults.PathPrefix"/>,
/// and answering the back-channel calls of every scheme pointed at it, in process.
/// </summary>
internal sealed class SiteEmulator : IDisposable
{
    /// <summary>
    /// The base address the schemes are given: never resolved (.invalid). The back channel goes in process; the browser
    /// is sent to the site's own origin instead (<see cref="ToSite"/>).
    /// </summary>
    public static readonly Uri PlaceholderBaseAddress = new("https://qqconnect-emulator.invalid/");

    private static readonly object PathBaseKey = new();

    public SiteEmulator(IHttpContextAccessor httpContextAccessor)
    {
        Emulator = new QqConnectEmulator();
        Backchannel = new SiteBackchannelHandler(httpContextAccessor) { InnerHandler = Emulator.CreateHandler() };
    }

    public QqConnectEmulator Emulator { get; }

    /// <summary>The schemes' <c>BackchannelHttpHandler</c>: the emulator in process.</summary>
    public HttpMessageHandler Backchannel { get; }

    /// <summary>
    /// Where the browser finds the emulator: the site's scheme and host, the path base the emulator is mapped under
    /// (the server's, recorded by <see cref="RememberPathBase"/> ahead of the app's own <c>UsePathBase</c>), then the
    /// emulator's path.
    /// </summary>
    public static Uri PublicBaseAddress(HttpRequest request)
    {
        var pathBase = request.HttpContext.Items.TryGetValue(PathBaseKey, out var outer) && outer is PathString recorded ? recorded : request.PathBase;
        return new Uri(EmulatorHttpAdapter.Origin(request) + pathBase.Value + QqConnectEmulatorDefaults.PathPrefix + "/");
    }

    /// <summary>Records the request's path base where the emulator is mapped, before the app's middleware can change it.</summary>
    public static void RememberPathBase(HttpContext context) => context.Items[PathBaseKey] = context.Request.PathBase;


    /// <summary>An address under <see cref="PlaceholderBaseAddress"/> moved to the site's origin (others are returned as they are).</summary>
    public static string ToSite(string address, HttpRequest request) =>
        address.StartsWith(PlaceholderBaseAddress.AbsoluteUri, StringComparison.Ordinal)
            ? PublicBaseAddress(request).AbsoluteUri + address[PlaceholderBaseAddress.AbsoluteUri.Length..]
            : address;

    public void Dispose() => Backchannel.Dispose();
}
