namespace QqConnect.AspNetCore.Identity;

/// <summary>Options of <c>AddQqConnectAccounts</c> (bind them from configuration like any options: section <c>QqConnectAccounts</c>).</summary>
public sealed class QqConnectAccountsOptions
{
    /// <summary>
    /// The longest user name accepted, in UTF-16 code units, for every account of the site (local registrations
    /// included); 64 by default.
    /// </summary>
    public int MaxUserNameLength { get; set; } = 64;

    /// <summary>
    /// Where <c>app.MapQqConnectAccounts&lt;TUser&gt;()</c> maps the package's pages: <c>{PathPrefix}/callback</c>
    /// (where every QQ login lands), <c>{PathPrefix}/bind</c> and <c>{PathPrefix}/account</c>; <c>/qqconnect</c> by
    /// default. Starts with <c>/</c> and does not end with one.
    /// </summary>
    public string PathPrefix { get; set; } = "/qqconnect";

    /// <summary>
    /// The site's own bind page (shown to a QQ user with no account yet), such as <c>/Account/BindQq</c>: the callback
    /// sends the browser there (with <c>returnUrl</c>) and the package maps no bind page of its own.
    /// <see langword="null"/> (the default) for the package's page, <c>{PathPrefix}/bind</c>.
    /// </summary>
    public string? BindPagePath { get; set; }

    /// <summary>
    /// The site's own account page (bound QQ, bind, unbind), where a bind from a signed-in account ends: the package
    /// then maps no account page of its own. <see langword="null"/> (the default) for the package's page,
    /// <c>{PathPrefix}/account</c>.
    /// </summary>
    public string? AccountPagePath { get; set; }

    /// <summary>
    /// The site's login page, where the pages send a browser whose QQ login expired or cannot be used.
    /// <see langword="null"/> (the default) for the login path of Identity's application cookie: <c>/Identity/Account/Login</c>
    /// with the Identity UI (Razor Pages template), <c>/Account/Login</c> in the Blazor template.
    /// </summary>
    public string? LoginPath { get; set; }

    /// <summary>Where a login ends when it has no local return URL; <c>/</c> by default.</summary>
    public string DefaultReturnUrl { get; set; } = "/";
}
