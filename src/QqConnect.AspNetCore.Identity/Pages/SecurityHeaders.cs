using Microsoft.AspNetCore.Http;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The headers of every answer of the package's pages: never framed, never cached, no referrer, no sniffing.</summary>
internal static class SecurityHeaders
{
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
    }
}
