namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The start-up check of the pages' paths in <see cref="QqConnectAccountsOptions"/>.</summary>
internal static class PageOptions
{
    public const string ValidationMessage =
        "QqConnectAccounts: PathPrefix, BindPagePath, AccountPagePath, LoginPath and DefaultReturnUrl must be paths of the site (start with '/', not '//' or '/\\'); PathPrefix must not be '/' or end with '/'.";

    public static bool IsValid(QqConnectAccountsOptions options) =>
        QqLoginStateProtector.IsLocalReturnUrl(options.PathPrefix) && options.PathPrefix.Length > 1 && !options.PathPrefix.EndsWith('/') && !options.PathPrefix.Contains('?')
        && (options.BindPagePath is null || QqLoginStateProtector.IsLocalReturnUrl(options.BindPagePath))
        && (options.AccountPagePath is null || QqLoginStateProtector.IsLocalReturnUrl(options.AccountPagePath))
        && (options.LoginPath is null || QqLoginStateProtector.IsLocalReturnUrl(options.LoginPath))
        && QqLoginStateProtector.IsLocalReturnUrl(options.DefaultReturnUrl);
}
