using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Configuration;
using QqConnect.AspNetCore.DependencyInjection;
using QqConnect.AspNetCore.Handler;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds QQ login (QQ登录) to ASP.NET Core authentication.</summary>
public static class QqConnectAuthenticationBuilderExtensions
{
    /// <summary>Adds QQ login under the scheme <c>QQ</c>; configure it with <c>services.Configure&lt;QqConnectAuthenticationOptions&gt;("QQ", ...)</c>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder) =>
        builder.AddQqConnect(QqConnectAuthenticationDefaults.AuthenticationScheme, QqConnectAuthenticationDefaults.DisplayName, _ => { });

    /// <summary>Adds QQ login under the scheme <c>QQ</c>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configureOptions">Sets the app id and key (or a client name) and the other options.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, Action<QqConnectAuthenticationOptions> configureOptions) =>
        builder.AddQqConnect(QqConnectAuthenticationDefaults.AuthenticationScheme, QqConnectAuthenticationDefaults.DisplayName, configureOptions);

    /// <summary>Adds QQ login under a scheme of your choice (say, one per QQ app).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name, stored by Identity as <c>LoginProvider</c>.</param>
    /// <param name="configureOptions">Sets the app id and key (or a client name) and the other options.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, string authenticationScheme, Action<QqConnectAuthenticationOptions> configureOptions) =>
        builder.AddQqConnect(authenticationScheme, QqConnectAuthenticationDefaults.DisplayName, configureOptions);

    /// <summary>Adds QQ login under a scheme and display name of your choice.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name, stored by Identity as <c>LoginProvider</c>.</param>
    /// <param name="displayName">The name shown on login pages; <see langword="null"/> hides the scheme from them.</param>
    /// <param name="configureOptions">Sets the app id and key (or a client name) and the other options.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// With <see cref="QqConnectAuthenticationOptions.AppId"/> and <see cref="QqConnectAuthenticationOptions.AppKey"/>, the
    /// scheme's client is the <c>AddQqConnectClient</c> registration named
    /// <see cref="QqConnectAuthenticationDefaults.ClientNamePrefix"/> + scheme. Its HTTP handler is the scheme's
    /// <c>BackchannelHttpHandler</c> when one is set (tests plug an emulator in there).
    /// </remarks>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, string authenticationScheme, string? displayName, Action<QqConnectAuthenticationOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configureOptions);

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<QqConnectAuthenticationOptions>, QqConnectPostConfigureOptions>());

        var clientName = QqConnectClientNames.ForScheme(authenticationScheme);
        services.AddQqConnectClient(clientName, _ => { })
            .AddHttpMessageHandler(provider => new BackchannelHandler(provider.GetRequiredService<IOptionsMonitor<QqConnectAuthenticationOptions>>(), authenticationScheme));
        services.AddSingleton<IConfigureOptions<QqConnectOptions>>(provider => new QqConnectClientOptionsSetup(authenticationScheme, provider));

        return builder.AddRemoteScheme<QqConnectAuthenticationOptions, QqConnectAuthenticationHandler>(authenticationScheme, displayName, configureOptions);
    }
}
