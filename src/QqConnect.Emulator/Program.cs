using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

// qqconnect-emulator [--urls http://127.0.0.1:5380] [--port 5380]
var port = QqConnectEmulatorServerOptions.DefaultPort;
var address = IPAddress.Loopback;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" when i + 1 < args.Length:
            var url = args[++i].Split(';')[0];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                return Fail($"--urls needs an http:// URL, got '{url}'.");
            }

            if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
            {
                address = IPAddress.Loopback;
            }
            else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) || !IPAddress.IsLoopback(parsed))
            {
                return Fail($"The emulator binds only to loopback addresses, not '{uri.Host}'.");
            }
            else
            {
                address = parsed;
            }

            port = uri.Port;
            break;
        case "--port" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                return Fail("--port needs a number.");
            }

            break;
        case "--help" or "-h":
            Console.WriteLine("qqconnect-emulator [--urls http://127.0.0.1:5380] [--port 5380]");
            Console.WriteLine("A local QQ Connect (graph.qq.com) emulator. Binds to loopback only. Ctrl+C stops it.");
            return 0;
        default:
            return Fail($"Unknown argument '{args[i]}'. Try --help.");
    }
}

var server = await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions
{
    Port = port,
    Address = address,
    RequestLog = line => Console.WriteLine(line),
}).ConfigureAwait(false);
await using (server.ConfigureAwait(false))
{
    var emulator = server.Emulator;
    Console.WriteLine($"QQ Connect emulator listening on {server.BaseAddress}");
    Console.WriteLine($"  authorize: {server.BaseAddress}oauth2.0/authorize");
    foreach (var app in emulator.Apps)
    {
        Console.WriteLine($"  app {app.AppId}  key {app.AppKey}  callback domains {string.Join(", ", app.CallbackDomains)}{(app.UnionIdGranted ? "  (UnionID granted)" : "")}");
    }

    for (var i = 0; i < emulator.Users.Count; i++)
    {
        Console.WriteLine($"  user {i}: {emulator.Users[i].Nickname}");
    }

    Console.WriteLine("These app keys are fakes for local use only. Press Ctrl+C to stop.");

    var stop = new TaskCompletionSource();
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true;
        stop.TrySetResult();
    });
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.TrySetResult();
    });
    await stop.Task.ConfigureAwait(false);
}

return 0;

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
