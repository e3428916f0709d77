namespace QqConnect.AspNetCore.Emulator.Development;

/// <summary>A scheme <c>UseEmulatorInDevelopment</c> was called for.</summary>
internal sealed record EmulatorScheme(string Name);
