using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Adds QQ login under the scheme <c>QQ</c>, configured from a configuration section such as
    /// <c>builder.Configuration.GetSection("QqConnect")</c> (keys: AppId, AppKey, BaseAddress, Scopes, Display,
    /// RequestUnionId, UseUnionIdAsNameIdentifier, SaveTokens, CallbackPath). Binding uses no reflection (trim- and
    /// NativeAOT-safe); messages about a missing or malformed setting name its key, such as <c>QqConnect:AppId</c>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configuration">The section holding the scheme's settings.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, IConfiguration configuration) =>
        builder.AddQqConnect(QqConnectAuthenticationDefaults.AuthenticationScheme, QqConnectAuthenticationDefaults.DisplayName, configuration, _ => { });

    /// <summary>Adds QQ login under a scheme of your choice, configured from a configuration section (the keys of <see cref="AddQqConnect(AuthenticationBuilder, IConfiguration)"/>).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name, stored by Identity as <c>LoginProvider</c>.</param>
    /// <param name="configuration">The section holding the scheme's settings.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, string authenticationScheme, IConfiguration configuration) =>
        builder.AddQqConnect(authenticationScheme, QqConnectAuthenticationDefaults.DisplayName, configuration, _ => { });

    /// <summary>Adds QQ login under the scheme <c>QQ</c>, configured from a configuration section, then by <paramref name="configureOptions"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configuration">The section holding the scheme's settings (the keys of <see cref="AddQqConnect(AuthenticationBuilder, IConfiguration)"/>).</param>
    /// <param name="configureOptions">Runs after the section is bound: events, claim actions, cookies.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, IConfiguration configuration, Action<QqConnectAuthenticationOptions> configureOptions) =>
        builder.AddQqConnect(QqConnectAuthenticationDefaults.AuthenticationScheme, QqConnectAuthenticationDefaults.DisplayName, configuration, configureOptions);

    /// <summary>Adds QQ login under a scheme and display name of your choice, configured from a configuration section, then by <paramref name="configureOptions"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name, stored by Identity as <c>LoginProvider</c>.</param>
    /// <param name="displayName">The name shown on login pages; <see langword="null"/> hides the scheme from them.</param>
    /// <param name="configuration">The section holding the scheme's settings (the keys of <see cref="AddQqConnect(AuthenticationBuilder, IConfiguration)"/>).</param>
    /// <param name="configureOptions">Runs after the section is bound: events, claim actions, cookies.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddQqConnect(this AuthenticationBuilder builder, string authenticationScheme, string? displayName, IConfiguration configuration, Action<QqConnectAuthenticationOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.AddQqConnect(authenticationScheme, displayName, options =>
        {
            QqConnectAuthenticationOptionsBinder.Bind(configuration, options);
            configureOptions(options);
        });
    }

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
