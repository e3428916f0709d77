using System.Globalization;
using System.Net;
using System.Reflection;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>The <c>qqconnect-emulator</c> command: parse, start, print, wait until stopped.</summary>
internal static class EmulatorTool
{
    /// <summary>Runs the tool. Exit codes: 0 stopped normally (or --help, --version), 2 a usage or start-up problem, printed as one line in English and Chinese.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        EmulatorToolSettings settings;
        try
        {
            settings = EmulatorCommandLine.Parse(args);
        }
        catch (UsageException exception)
        {
            return await RefuseAsync(error, exception).ConfigureAwait(false);
        }

        if (settings.ShowVersion)
        {
            // The package version; built from a git clone, '+' and the commit follow it.
            await output.WriteLineAsync(
                typeof(EmulatorTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").ConfigureAwait(false);
            return 0;
        }

        if (settings.ShowHelp)
        {
            await output.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        QqConnectEmulator emulator;
        try
        {
            emulator = new QqConnectEmulator(settings.EmulatorOptions);
        }
        catch (ArgumentException exception)
        {
            var reason = EmulatorConfigError.Plain(exception);
            return await RefuseAsync(error, new UsageException("Invalid configuration: " + reason, "配置无效：" + reason, exception)).ConfigureAwait(false);
        }

        foreach (var fault in settings.Faults)
        {
            emulator.Faults.Add(fault);
        }

        QqConnectEmulatorServer server;
        try
        {
            server = await QqConnectEmulatorServer.StartAsync(
                new QqConnectEmulatorServerOptions
                {
                    Port = settings.Port,
                    Address = settings.Address,
                    Emulator = emulator,
                    EnableControl = settings.Control,
                    RequestLog = line => output.WriteLine(line),
                },
                stop).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            var where = "http://" + new IPEndPoint(settings.Address, settings.Port);
            var (english, chinese) = BindFailure(exception, settings.Port);
            return await RefuseAsync(
                error,
                new UsageException(
                    $"Cannot listen on {where}: {english}. Pick another port with --urls http://127.0.0.1:PORT (or --port 0 for any free port).",
                    $"无法在 {where} 上监听：{chinese}。请用 --urls http://127.0.0.1:PORT 换一个端口，或用 --port 0 取任意空闲端口。",
                    exception)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }

        await using (server.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"QQ Connect emulator listening on {server.BaseAddress}").ConfigureAwait(false);
            await output.WriteLineAsync($"  authorize: {server.BaseAddress}oauth2.0/authorize").ConfigureAwait(false);
            if (settings.Control)
            {
                await output.WriteLineAsync($"  control: {server.BaseAddress}{QqConnectEmulatorServerOptions.ControlPath.TrimStart('/')}/ (loopback only)").ConfigureAwait(false);
            }

            foreach (var app in emulator.Apps)
            {
                await output.WriteLineAsync(
                    $"  app {app.AppId}  callback domains {string.Join(", ", app.CallbackDomains)}{(app.UnionIdGranted ? "  (UnionID granted)" : "")}").ConfigureAwait(false);
            }

            foreach (var app in emulator.Apps)
            {
                for (var i = 0; i < emulator.Users.Count; i++)
                {
                    var unionId = app.UnionIdGranted ? "  unionid " + emulator.GetUnionId(app.AppId, i) : "";
                    await output.WriteLineAsync($"  app {app.AppId}: user {i} {emulator.Users[i].Nickname}  openid {emulator.GetOpenId(app.AppId, i)}{unionId}").ConfigureAwait(false);
                }
            }

            if (emulator.Faults.Count > 0)
            {
                await output.WriteLineAsync($"  {emulator.Faults.Count} fault(s) pending").ConfigureAwait(false);
            }

            await output.WriteLineAsync("App keys are not printed (the default apps' fake keys are in docs/emulator.md). Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        return 0;
    }

    /// <summary>
    /// The message printed as one line: line breaks and other control characters that came in with an argument or a
    /// configuration key are shown as <c>\n</c>, <c>\uXXXX</c>, so the message stays one line on the terminal.
    /// </summary>
    internal static string OneLine(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Prints the refusal as one line on <paramref name="error"/>; the exit code 2.</summary>
    private static async Task<int> RefuseAsync(TextWriter error, UsageException refusal)
    {
        await error.WriteLineAsync(OneLine(refusal.Message)).ConfigureAwait(false);
        return 2;
    }

    private static (string English, string Chinese) BindFailure(Exception exception, int port)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case AddressInUseException:
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                    return ($"port {port} is already in use (by another program, or another copy of the emulator)", $"端口 {port} 已被占用：别的程序或另一个模拟器正在使用它");
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return port is > 0 and < 1024
                        ? ($"permission denied (port {port} is below 1024, which only the administrator may use)", $"没有权限：端口 {port} 小于 1024，只有管理员可以使用")
                        : ("permission denied", "没有权限");
                case SocketException { SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported }:
                    return ("this machine does not have that address (is IPv6 turned off?)", "本机没有这个地址，可能关闭了 IPv6");
            }
        }

        var reason = exception.Message.ReplaceLineEndings(" ");
        return (reason, reason);
    }
}
