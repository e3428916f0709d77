using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QqConnect.Client;
using QqConnect.Client.Configuration;
using QqConnect.Client.DependencyInjection;
using QqConnect.Client.Diagnostics;
using System.Diagnostics.Metrics;
using QqConnect.Client.Internal;
using QqConnect.Client.Transport;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers QQ Connect clients with dependency injection.</summary>
public static class QqConnectServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's <see cref="IQqConnectClient"/> (a typed client over <c>IHttpClientFactory</c>),
    /// with options validated at start-up. Each name (here the unnamed app) may be registered once: a second
    /// call for the same name throws <see cref="InvalidOperationException"/> rather than merging two apps' options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the underlying client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">An app of the same name is already registered.</exception>
    public static IHttpClientBuilder AddQqConnectClient(this IServiceCollection services, Action<QqConnectOptions> configure) =>
        AddQqConnectClient(services, Options.Options.DefaultName, configure);

    /// <summary>Registers the app's <see cref="IQqConnectClient"/> with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section with AppId, AppKey, RedirectUri and the other <see cref="QqConnectOptions"/> keys.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the underlying client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">An app of the same name is already registered.</exception>
    public static IHttpClientBuilder AddQqConnectClient(this IServiceCollection services, IConfiguration configuration) =>
        AddQqConnectClient(services, Options.Options.DefaultName, configuration);

    /// <summary>
    /// Registers a named app; get its client from <see cref="IQqConnectClientFactory.CreateClient(string)"/>.
    /// The unnamed app (<see cref="string.Empty"/>) is also registered as <see cref="IQqConnectClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The app's name, such as "web" or "mobile".</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the underlying client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">An app of the same name is already registered.</exception>
    public static IHttpClientBuilder AddQqConnectClient(this IServiceCollection services, string name, Action<QqConnectOptions> configure)
    {
        Guard.NotNull(configure, nameof(configure));
        return AddCore(services, name).Configure(configure).Builder;
    }

    /// <summary>Registers a named app with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The app's name, such as "web" or "mobile".</param>
    /// <param name="configuration">A section with AppId, AppKey, RedirectUri and the other <see cref="QqConnectOptions"/> keys.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the underlying client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">An app of the same name is already registered.</exception>
    public static IHttpClientBuilder AddQqConnectClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        var registration = AddCore(services, name).Configure(options => QqConnectOptionsBinder.Bind(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<QqConnectOptions>>(new ConfigurationChangeTokenSource<QqConnectOptions>(name, configuration));
        return registration.Builder;
    }

    private static Registration AddCore(IServiceCollection services, string name)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(name, nameof(name));

        // Options configured twice for one name would merge silently (AppId of the second registration,
        // AcceptedAppIds of the first): the second app would accept tokens issued to an app it never named.
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(QqConnectRegistration)
                && descriptor.ImplementationInstance is QqConnectRegistration existing
                && string.Equals(existing.Name, name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"AddQqConnectClient was already called for the app named \"{name}\" ({(name.Length == 0 ? "the unnamed app" : "a named app")}). "
                    + "Configure each app once, in one call; register another app under its own name with AddQqConnectClient(name, ...) "
                    + "and get it from IQqConnectClientFactory.CreateClient(name). To change options later, use services.Configure<QqConnectOptions>(name, ...).");
            }
        }

        services.AddSingleton(new QqConnectRegistration(name));

        var options = services.AddOptions<QqConnectOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QqConnectOptions>, QqConnectOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQqConnectClientFactory, QqConnectClientFactory>();

        // The meter comes from IMeterFactory, so it belongs to this container (and tests can read it back).
        services.AddMetrics();
        services.TryAddSingleton(provider => new QqConnectTelemetry(provider.GetRequiredService<IMeterFactory>().Create(QqConnectTelemetry.Name)));
        if (name.Length == 0)
        {
            services.TryAddTransient<IQqConnectClient>(provider => provider.GetRequiredService<IQqConnectClientFactory>().CreateClient(Options.Options.DefaultName));
        }

        // IHttpClientFactory's own loggers write request URIs with their query, which holds the app key,
        // codes and tokens. The SDK logs each call itself, without secrets.
        var builder = services.AddHttpClient(QqConnectClientFactory.HttpClientName(name))
            .RemoveAllLoggers()
            .ConfigureHttpClient(SdkHttpDefaults.Configure)
            .ConfigurePrimaryHttpMessageHandler(SdkHttpDefaults.CreateHandler);
        return new Registration(options, builder);
    }

    private readonly struct Registration
    {
        public Registration(OptionsBuilder<QqConnectOptions> options, IHttpClientBuilder builder)
        {
            Options = options;
            Builder = builder;
        }

        public OptionsBuilder<QqConnectOptions> Options { get; }

        public IHttpClientBuilder Builder { get; }

        public Registration Configure(Action<QqConnectOptions> configure)
        {
            Options.Configure(configure);
            return this;
        }
    }
}
