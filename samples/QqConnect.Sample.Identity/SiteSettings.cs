using Microsoft.AspNetCore.Http;

namespace QqConnect.Sample.Identity;

/// <summary>Demo or real QQ app, from the <c>QqConnect</c> configuration section.</summary>
/// <param name="IsDemo">No app configured: the site logs in against its own QQ Connect emulator.</param>
/// <param name="AppId">The APP ID (real mode).</param>
/// <param name="AppKey">The APP Key (real mode; a secret).</param>
/// <param name="BaseAddress">Where QQ Connect answers; <see langword="null"/> for graph.qq.com.</param>
/// <param name="RequestUnionId">Whether the UnionID is asked for (the app needs the permission).</param>
internal sealed record SiteSettings(bool IsDemo, string? AppId, string? AppKey, Uri? BaseAddress, bool RequestUnionId)
{
    /// <summary>Reads the section; AppId and AppKey go together (both for a real app, none for demo mode).</summary>
    public static SiteSettings Create(IConfiguration qq)
    {
        var appId = qq["AppId"];
        var appKey = qq["AppKey"];
        if (string.IsNullOrWhiteSpace(appId) != string.IsNullOrWhiteSpace(appKey))
        {
            throw new InvalidOperationException("QqConnect is only partly configured: set QqConnect:AppId and QqConnect:AppKey together for a real QQ app, or neither for demo mode.");
        }

        Uri? baseAddress = null;
        if (!string.IsNullOrWhiteSpace(qq["BaseAddress"]) && !Uri.TryCreate(qq["BaseAddress"], UriKind.Absolute, out baseAddress))
        {
            throw new InvalidOperationException("QqConnect:BaseAddress must be an absolute URL (or empty for https://graph.qq.com/).");
        }

        return string.IsNullOrWhiteSpace(appId)
            ? new SiteSettings(IsDemo: true, null, null, null, RequestUnionId: true)
            : new SiteSettings(IsDemo: false, appId, appKey, baseAddress, qq.GetValue<bool>("RequestUnionId"));
    }
}
