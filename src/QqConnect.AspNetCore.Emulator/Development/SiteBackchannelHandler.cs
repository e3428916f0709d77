using Microsoft.AspNetCore.Http;

namespace QqConnect.AspNetCore.Emulator.Development;

/// <summary>
/// Tells the in-process emulator where the browser sees it (the origin of the request being served, under the
/// emulator's path), so that the avatar URLs of <c>get_user_info</c> load from the site.
/// </summary>
internal sealed class SiteBackchannelHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is { } context)
        {
            request.Options.Set(EmulatorHttpRequestOptions.PublicBaseAddress, SiteEmulator.PublicBaseAddress(context.Request));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
