namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The start-up check of the pages' paths in <see cref="QqConnectAccountsOptions"/>.</summary>
internal static class PageOptions
{
    public const string ValidationMessage =
        "QqConnectAccounts: PathPrefix, BindPagePath, AccountPagePath, LoginPath and DefaultReturnUrl must be paths of the site (start with '/', not '//' or '/\\'); PathPrefix must not be '/' or end with '/'.";

    public static bool IsValid(QqConnectAccountsOptions options) =>
        LocalUrl.IsLocal(options.PathPrefix) && options.PathPrefix.Length > 1 && !options.PathPrefix.EndsWith('/') && !options.PathPrefix.Contains('?')
        && (options.BindPagePath is null || LocalUrl.IsLocal(options.BindPagePath))
        && (options.AccountPagePath is null || LocalUrl.IsLocal(options.AccountPagePath))
        && (options.LoginPath is null || LocalUrl.IsLocal(options.LoginPath))
        && LocalUrl.IsLocal(options.DefaultReturnUrl);
}
