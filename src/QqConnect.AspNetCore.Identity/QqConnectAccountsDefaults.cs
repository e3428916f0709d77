namespace QqConnect.AspNetCore.Identity;

/// <summary>Fixed names of QqConnect.AspNetCore.Identity.</summary>
public static class QqConnectAccountsDefaults
{
    /// <summary>The Data Protection purpose of the QQ tokens saved in AspNetUserTokens.</summary>
    public const string TokenProtectionPurpose = "QqConnect.AspNetCore.Identity.Tokens";

    /// <summary>The table of <see cref="QqUserProfile"/>.</summary>
    public const string ProfileTableName = "QqConnectProfiles";
}
