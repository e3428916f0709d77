namespace QqConnect.AspNetCore.Identity;

/// <summary>Options of <c>AddQqConnectAccounts</c> (bind them from configuration like any options: section <c>QqConnectAccounts</c>).</summary>
public sealed class QqConnectAccountsOptions
{
    /// <summary>
    /// The longest user name accepted, in UTF-16 code units, for every account of the site (local registrations
    /// included); 64 by default.
    /// </summary>
    public int MaxUserNameLength { get; set; } = 64;
}
