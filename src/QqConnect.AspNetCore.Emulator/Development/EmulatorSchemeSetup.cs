using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Emulator.Development;

/// <summary>
/// Points a scheme without an app id and key at the site's emulator in Development: the emulator's published demo
/// app (its UnionID app when <see cref="QqConnectAuthenticationOptions.RequestUnionId"/>), the back channel in
/// process, the browser to the site's own origin, the correlation cookie Secure only over https. Elsewhere the scheme is left as configured, and a missing app id or
/// key says why the emulator did not stand in.
/// </summary>
internal sealed class EmulatorSchemeSetup(string scheme, SiteEmulator site, IHostEnvironment? environment) : IPostConfigureOptions<QqConnectAuthenticationOptions>
{
    public void PostConfigure(string? name, QqConnectAuthenticationOptions options)
    {
        if (!string.Equals(name, scheme, StringComparison.Ordinal))
        {
            return;
        }

        var hasCredentials = !string.IsNullOrWhiteSpace(options.AppId) || !string.IsNullOrWhiteSpace(options.AppKey)
            || !string.IsNullOrWhiteSpace(options.ClientName) || options.BaseAddress is not null || options.BackchannelHttpHandler is not null;
        if (hasCredentials)
        {
            return;
        }

        if (environment?.IsDevelopment() != true)
        {
            options.MissingCredentialsHint =
                $"UseEmulatorInDevelopment() serves the QQ Connect emulator only in the Development environment, and this is '{environment?.EnvironmentName ?? "(no host environment)"}'.";
            return;
        }

        options.AppId = options.RequestUnionId ? QqConnectEmulatorOptions.UnionIdAppId : QqConnectEmulatorOptions.DefaultAppId;
        options.AppKey = options.RequestUnionId ? QqConnectEmulatorOptions.UnionIdAppKey : QqConnectEmulatorOptions.DefaultAppKey;
        options.BaseAddress = SiteEmulator.PlaceholderBaseAddress;
        options.BackchannelHttpHandler = site.Backchannel;
        // The templates' first launch profile is plain http on localhost, where some browsers (Safari) refuse Secure
        // cookies: the emulator's login keeps the correlation cookie Secure over https only. A policy the site chose
        // other than the default (Always) is kept.
        if (options.CorrelationCookie.SecurePolicy == CookieSecurePolicy.Always)
        {
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        var events = options.Events;
        var redirect = events.OnRedirectToAuthorizationEndpoint;
        events.OnRedirectToAuthorizationEndpoint = context =>
        {
            context.RedirectUri = SiteEmulator.ToSite(context.RedirectUri, context.Request);
            return redirect(context);
        };
    }
}
