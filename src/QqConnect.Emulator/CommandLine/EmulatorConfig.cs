namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// The JSON configuration file of the command-line emulator (<c>--config FILE</c>). Every member is optional;
/// what is absent keeps the emulator's default. Property names are camelCase; comments and trailing commas are allowed;
/// an unknown property is an error (a typo must not be ignored silently).
/// </summary>
internal sealed class EmulatorConfig
{
    /// <summary>Where to listen, like <c>--urls</c>.</summary>
    public string? Urls { get; set; }

    /// <summary>The apps; when given they replace the two default apps.</summary>
    public List<EmulatorAppConfig>? Apps { get; set; }

    /// <summary>The users; when given they replace the three default users.</summary>
    public List<EmulatorUserConfig>? Users { get; set; }

    /// <summary>Token answers without <c>refresh_token</c>.</summary>
    public bool? OmitRefreshToken { get; set; }

    /// <summary>Error callbacks with the legacy <c>code</c> + <c>msg</c> parameters.</summary>
    public bool? LegacyCallbackErrors { get; set; }

    /// <summary>Whether a missing <c>state</c> is refused (default true).</summary>
    public bool? RequireState { get; set; }

    /// <summary>The code sent to the callback on "deny".</summary>
    public int? DenyErrorCode { get; set; }

    /// <summary>The description sent to the callback on "deny".</summary>
    public string? DenyErrorDescription { get; set; }

    /// <summary>Authorization code lifetime in seconds.</summary>
    public long? CodeLifetimeSeconds { get; set; }

    /// <summary>Access token lifetime in seconds (<c>expires_in</c>).</summary>
    public long? AccessTokenLifetimeSeconds { get; set; }

    /// <summary>How long the refresh chain lasts after a login, in seconds.</summary>
    public long? RefreshTokenLifetimeSeconds { get; set; }

    /// <summary>Faults injected at start-up, in order.</summary>
    public List<EmulatorFaultConfig>? Faults { get; set; }
}
