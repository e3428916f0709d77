using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// In the HTTP pipeline of a scheme's client: sends requests to the scheme's <c>BackchannelHttpHandler</c> when the
/// app set one (say, an emulator in tests), else on to the client's usual primary handler. The app owns its
/// handler, so IHttpClientFactory's recycling never disposes it.
/// </summary>
internal sealed class BackchannelHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker? _backchannel;

    public BackchannelHandler(IOptionsMonitor<QqConnectAuthenticationOptions> options, string scheme)
    {
        var handler = options.Get(scheme).BackchannelHttpHandler;
        _backchannel = handler is null ? null : new HttpMessageInvoker(handler, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _backchannel is null ? base.SendAsync(request, cancellationToken) : _backchannel.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backchannel?.Dispose();
        }

        base.Dispose(disposing);
    }
}
