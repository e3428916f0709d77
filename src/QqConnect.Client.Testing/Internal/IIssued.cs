namespace QqConnect.Client.Testing.Internal;

/// <summary>Something the emulator issued to an app's user and remembers until <see cref="ForgetAt"/>.</summary>
internal interface IIssued
{
    EmulatorApp App { get; }

    EmulatorUser User { get; }

    /// <summary>When nobody can ask about it any more with a different answer than for a value never issued.</summary>
    DateTimeOffset ForgetAt { get; }
}
