using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Emulator;
using QqConnect.AspNetCore.Emulator.Development;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>QQ login in development before QQ approves the app: the QQ Connect emulator served by the site itself.</summary>
public static class QqConnectEmulatorAuthenticationBuilderExtensions
{
    /// <summary>
    /// In the Development environment, when the scheme <c>QQ</c> has no app id and key, serves the QQ Connect emulator
    /// under <see cref="QqConnectEmulatorDefaults.PathPrefix"/> of the site and points the scheme at it (see
    /// <see cref="UseEmulatorInDevelopment(AuthenticationBuilder, string)"/>). Call it after <c>AddQqConnect</c>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder UseEmulatorInDevelopment(this AuthenticationBuilder builder) =>
        builder.UseEmulatorInDevelopment(QqConnectAuthenticationDefaults.AuthenticationScheme);

    /// <summary>
    /// In the Development environment, when <paramref name="authenticationScheme"/> has no app id and key (nor a client
    /// name, base address or back-channel handler), serves the QQ Connect emulator under
    /// <see cref="QqConnectEmulatorDefaults.PathPrefix"/> of the site and points the scheme at it: the emulator's
    /// published demo app (its UnionID app when <c>RequestUnionId</c> is on), back-channel calls in process, the browser
    /// sent to the site's own origin, where the emulator's authorize page lists its fake users; the correlation cookie is
    /// Secure only over https (the default policy, Always, becomes SameAsRequest). A warning is logged at
    /// start. In any other environment nothing is served and the scheme is left as configured; a missing app id or key
    /// then fails at start with a message naming the environment.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The QQ scheme, as given to <c>AddQqConnect</c>.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder UseEmulatorInDevelopment(this AuthenticationBuilder builder, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.TryAddSingleton<SiteEmulator>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, EmulatorStartupFilter>());
        services.AddSingleton(new EmulatorScheme(authenticationScheme));
        services.AddSingleton<IPostConfigureOptions<QqConnectAuthenticationOptions>>(provider =>
            new EmulatorSchemeSetup(authenticationScheme, provider.GetRequiredService<SiteEmulator>(), provider.GetService<IHostEnvironment>()));
        return builder;
    }
}
