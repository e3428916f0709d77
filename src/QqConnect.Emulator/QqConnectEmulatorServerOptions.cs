using System.Net;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator;

/// <summary>Options of <see cref="QqConnectEmulatorServer.StartAsync"/>.</summary>
public sealed class QqConnectEmulatorServerOptions
{
    /// <summary>The default port of the command-line tool.</summary>
    public const int DefaultPort = 5380;

    /// <summary>The path of the control API (<see cref="EnableControl"/>), a path no QQ endpoint uses.</summary>
    public const string ControlPath = "/_emulator";

    /// <summary>The TCP port; 0 (the default) picks a free ephemeral port, read back from <see cref="QqConnectEmulatorServer.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>The address to bind. Only loopback addresses are accepted. Default 127.0.0.1.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>An existing emulator to serve; null creates one from <see cref="EmulatorOptions"/> and <see cref="TimeProvider"/>.</summary>
    public QqConnectEmulator? Emulator { get; set; }

    /// <summary>Options of the emulator created when <see cref="Emulator"/> is null.</summary>
    public QqConnectEmulatorOptions? EmulatorOptions { get; set; }

    /// <summary>The clock of the emulator created when <see cref="Emulator"/> is null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Whether to serve the control API under <see cref="ControlPath"/> (the tool's <c>--control</c>): a JSON API with
    /// the meaning of the emulator's C# API, for tests in any language. Default false: the path is then an unknown path
    /// (404). It answers only requests from a loopback address for a loopback host, never one sent by a web page of
    /// another site.
    /// </summary>
    public bool EnableControl { get; set; }

    /// <summary>
    /// Receives one line per request (method, path and status; never the query, which carries secrets). Null: silent.
    /// </summary>
    public Action<string>? RequestLog { get; set; }
}
