namespace QqConnect.AspNetCore.Emulator;

/// <summary>Default values of the development emulator served inside a site (<c>UseEmulatorInDevelopment()</c>).</summary>
public static class QqConnectEmulatorDefaults
{
    /// <summary>
    /// The path of the site under which the emulator is served in Development, <c>/qqconnect-emulator</c>: its authorize
    /// page is <c>/qqconnect-emulator/oauth2.0/authorize</c>, its avatars are under <c>/qqconnect-emulator/qlogo/</c>.
    /// </summary>
    public const string PathPrefix = "/qqconnect-emulator";
}
