using System.Runtime.InteropServices;
using QqConnect.Emulator.CommandLine;

// qqconnect-emulator [--urls http://127.0.0.1:5380] [--config emulator.json] ... (see --help and docs/emulator.md)
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
return await EmulatorTool.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
