using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Testing;
using QqConnect.Emulator.Control;

namespace QqConnect.Emulator;

/// <summary>
/// Hosts a <see cref="QqConnectEmulator"/> over real sockets on a loopback port (Kestrel), for sample apps,
/// browsers and integration tests. Dispose it to stop it.
/// </summary>
public sealed class QqConnectEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QqConnectEmulatorServer(WebApplication app, QqConnectEmulator emulator, Uri baseAddress)
    {
        _app = app;
        Emulator = emulator;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:5380/</c> (the real port when 0 was asked).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The emulator being served: register faults and read counters through it.</summary>
    public QqConnectEmulator Emulator { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="options">Port, address and emulator; null for an ephemeral port and a default emulator.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<QqConnectEmulatorServer> StartAsync(
        QqConnectEmulatorServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new QqConnectEmulatorServerOptions();
        if (!IPAddress.IsLoopback(options.Address) || options.Address.IsIPv4MappedToIPv6)
        {
            // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) counts as loopback but binds the IPv6 socket: refused too.
            throw new ArgumentException("The emulator binds only to loopback addresses (127.0.0.1, ::1; not ::ffff:127.0.0.1).", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options));

        var emulator = options.Emulator ?? new QqConnectEmulator(options.EmulatorOptions, options.TimeProvider);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(QqConnectEmulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.Listen(options.Address, options.Port);
        });

        var app = builder.Build();
        var log = options.RequestLog;
        if (options.EnableControl)
        {
            app.Map(QqConnectEmulatorServerOptions.ControlPath, control => control.Run(context => ControlEndpoint.ServeAsync(context, emulator, log)));
        }

        app.RunQqConnectEmulator(emulator, log);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new QqConnectEmulatorServer(app, emulator, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server gracefully.</summary>
    /// <param name="cancellationToken">Makes the stop ungraceful.</param>
    /// <returns>A task completing when the server stopped.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Stops the server and releases its resources.</summary>
    /// <returns>A task completing when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping ungracefully is fine for an emulator.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
