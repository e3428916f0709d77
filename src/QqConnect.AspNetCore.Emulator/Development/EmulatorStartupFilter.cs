using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Emulator.Development;

/// <summary>
/// In Development, when a scheme is pointed at the site's emulator, serves it under
/// <see cref="QqConnectEmulatorDefaults.PathPrefix"/> ahead of the app's own middleware (routing, authentication), and
/// says so in the log. Elsewhere the path is not mapped.
/// </summary>
internal sealed partial class EmulatorStartupFilter(IServiceProvider services) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (services.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            var site = services.GetRequiredService<SiteEmulator>();
            var monitor = services.GetRequiredService<IOptionsMonitor<QqConnectAuthenticationOptions>>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("QqConnect.AspNetCore.Emulator");
            var served = false;
            foreach (var scheme in services.GetServices<EmulatorScheme>().Select(scheme => scheme.Name).Distinct(StringComparer.Ordinal))
            {
                if (ReferenceEquals(monitor.Get(scheme).BackchannelHttpHandler, site.Backchannel))
                {
                    LogEmulatorInUse(logger, scheme, QqConnectEmulatorDefaults.PathPrefix);
                    served = true;
                }
            }

            if (served)
            {
                app.Use((context, nextMiddleware) =>
                {
                    SiteEmulator.RememberPathBase(context);
                    return nextMiddleware(context);
                });
                app.Map(QqConnectEmulatorDefaults.PathPrefix, emulator => emulator.RunQqConnectEmulator(site.Emulator));
            }
        }

        next(app);
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "QQ login (scheme {Scheme}) uses the QQ Connect emulator at {Path}, not the real QQ (这不是真正的QQ登录): no QqConnect AppId/AppKey is configured in Development.")]
    private static partial void LogEmulatorInUse(ILogger logger, string scheme, string path);
}
