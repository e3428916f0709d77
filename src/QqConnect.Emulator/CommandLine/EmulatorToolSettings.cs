using System.Net;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>What the command line and the configuration file asked for.</summary>
internal sealed class EmulatorToolSettings
{
    /// <summary>The loopback address to bind.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port (0 = any free port).</summary>
    public int Port { get; set; } = QqConnectEmulatorServerOptions.DefaultPort;

    /// <summary>The emulator's apps, users and behaviour.</summary>
    public QqConnectEmulatorOptions EmulatorOptions { get; } = new();

    /// <summary>Faults to inject at start-up, in order.</summary>
    public List<EmulatorFault> Faults { get; } = [];

    /// <summary>Whether <c>--control</c> was asked: the control API under <c>/_emulator/</c>.</summary>
    public bool Control { get; set; }

    /// <summary>Whether <c>--help</c> was asked.</summary>
    public bool ShowHelp { get; set; }

    /// <summary>Whether <c>--version</c> was asked.</summary>
    public bool ShowVersion { get; set; }
}
