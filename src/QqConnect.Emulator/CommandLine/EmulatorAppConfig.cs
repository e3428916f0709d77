namespace QqConnect.Emulator.CommandLine;

/// <summary>An app in the configuration file.</summary>
internal sealed class EmulatorAppConfig
{
    /// <summary>The APP ID (required).</summary>
    public string? AppId { get; set; }

    /// <summary>The APP Key (required). A fake for local use.</summary>
    public string? AppKey { get; set; }

    /// <summary>Callback domains (or URL prefixes containing <c>://</c>); default localhost and 127.0.0.1.</summary>
    public List<string>? CallbackDomains { get; set; }

    /// <summary>Shown on the authorize page.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the app holds the UnionID permission.</summary>
    public bool? UnionIdGranted { get; set; }

    /// <summary>The developer account (apps of one account share UnionIDs).</summary>
    public string? DeveloperId { get; set; }
}
