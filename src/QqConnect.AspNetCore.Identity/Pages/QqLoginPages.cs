using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static QqConnect.AspNetCore.Identity.Pages.Html;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Where every QQ login lands (<c>{PathPrefix}/callback</c>) and the bind page (<c>{PathPrefix}/bind</c>, 绑定账号):
/// a bound QQ signs in to its account; an unbound one creates an account (a user name, no e-mail, no password) or
/// binds one it has (user name and password); a signed-in account that started a bind gets the QQ bound to it. The
/// pending QQ login stays in Identity's external cookie until it is used, so a refused bind can be tried again.
/// </summary>
internal static class QqLoginPages<TUser>
    where TUser : class
{
    public static async Task<IResult> CallbackAsync(HttpContext http)
    {
        var paths = SitePaths.For(http);
        var signIn = http.RequestServices.GetRequiredService<SignInManager<TUser>>();
        var returnUrl = SitePaths.LocalReturnUrl(http.Request.Query[SitePaths.ReturnUrlParameter]);
        var current = IsSignedIn(http) ? await signIn.UserManager.GetUserAsync(http.User).ConfigureAwait(false) : null;

        if (current is not null)
        {
            // Binding to a signed-in account needs the login to have been started by that account (Identity's XSRF
            // key, set by the account page's bind button): a QQ login that a third party made this browser finish
            // must not bind the third party's QQ to this account.
            var forAccount = await signIn.GetExternalLoginInfoAsync(await signIn.UserManager.GetUserIdAsync(current).ConfigureAwait(false)).ConfigureAwait(false);
            if (forAccount is null)
            {
                var stray = await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false);
                await http.SignOutAsync(IdentityConstants.ExternalScheme).ConfigureAwait(false);
                return Results.Redirect(SitePaths.With(paths.AccountPage, stray is null ? Messages.Expired : Messages.NotStartedHere));
            }

            return await BindSignedInAsync(http, paths, signIn, current, forAccount, returnUrl).ConfigureAwait(false);
        }

        var info = await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            return LoginPageMessage.Redirect(http, paths, Messages.Expired, returnUrl);
        }

        var qq = QqLogin.FromExternalLogin(info);
        var binder = http.RequestServices.GetRequiredService<IQqAccountBinder<TUser>>();
        var user = await binder.FindAsync(qq, http.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            return Results.Redirect(SitePaths.With(paths.BindPage, returnUrl: returnUrl));
        }

        return await SignInAsync(http, paths, signIn, user, qq, info, paths.ReturnUrl(returnUrl)).ConfigureAwait(false);
    }

    public static async Task<IResult> BindPageAsync(HttpContext http)
    {
        var (pending, answer) = await PendingAsync(http, http.Request.Query[SitePaths.ReturnUrlParameter]).ConfigureAwait(false);
        if (pending is not { } p)
        {
            return answer!;
        }

        var suggested = await p.Binder.SuggestUserNameAsync(p.Qq.Nickname, http.RequestAborted).ConfigureAwait(false);
        return RenderBindPage(http, p.Paths, p.Qq, p.ReturnUrl, suggested, existingUserName: null, http.Request.Query["m"], []);
    }

    /// <summary>The bind page's pending QQ login, or where to send a browser that has none (or is signed in already).</summary>
    private static async Task<(Pending? Pending, IResult? Answer)> PendingAsync(HttpContext http, string? returnUrlCandidate)
    {
        var paths = SitePaths.For(http);
        var returnUrl = SitePaths.LocalReturnUrl(returnUrlCandidate);
        if (IsSignedIn(http))
        {
            // A second click (or tab) after the first created or bound the account: nothing is left to do.
            return (null, Results.Redirect(paths.AccountPage));
        }

        var signIn = http.RequestServices.GetRequiredService<SignInManager<TUser>>();
        if (await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false) is not { } info)
        {
            return (null, LoginPageMessage.Redirect(http, paths, Messages.Expired, returnUrl));
        }

        var binder = http.RequestServices.GetRequiredService<IQqAccountBinder<TUser>>();
        return (new Pending(paths, returnUrl, signIn, info, QqLogin.FromExternalLogin(info), binder), null);
    }

    private sealed record Pending(
        SitePaths Paths, string? ReturnUrl, SignInManager<TUser> SignIn, ExternalLoginInfo Info, QqLogin Qq, IQqAccountBinder<TUser> Binder);

    public static async Task<IResult> CreateAsync(HttpContext http, IFormCollection form)
    {
        var (pending, answer) = await PendingAsync(http, form[SitePaths.ReturnUrlParameter]).ConfigureAwait(false);
        if (pending is not { } p)
        {
            return answer!;
        }

        var (paths, returnUrl, signIn, info, qq, binder) = p;
        var userName = form["userName"].ToString().Trim();
        if (userName.Length == 0)
        {
            userName = await binder.SuggestUserNameAsync(qq.Nickname, http.RequestAborted).ConfigureAwait(false);
        }

        var creation = await binder.CreateAccountAsync(qq, userName, http.RequestAborted).ConfigureAwait(false);
        if (creation.User is null)
        {
            return RenderBindPage(http, paths, qq, returnUrl, userName, existingUserName: null, message: null,
                IdentityErrorText.Lines(creation.Errors, userName), StatusCodes.Status400BadRequest);
        }

        return await SignInAsync(http, paths, signIn, creation.User, qq, info, paths.ReturnUrl(returnUrl)).ConfigureAwait(false);
    }

    public static async Task<IResult> BindExistingAsync(HttpContext http, IFormCollection form)
    {
        var (pending, answer) = await PendingAsync(http, form[SitePaths.ReturnUrlParameter]).ConfigureAwait(false);
        if (pending is not { } p)
        {
            return answer!;
        }

        var (paths, returnUrl, signIn, info, qq, binder) = p;
        var userName = form["existingUserName"].ToString().Trim();
        var user = userName.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(userName).ConfigureAwait(false);
        var check = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true).ConfigureAwait(false);
        if (user is null || !check.Succeeded)
        {
            var why = check.IsLockedOut
                ? "尝试次数过多，此账号已暂时锁定，请稍后再试。 Too many attempts: the account is locked for a while; try again later."
                : check.IsNotAllowed
                    ? "此账号尚未确认，暂时不能绑定。 This account is not confirmed yet and cannot be bound."
                    : "用户名或密码错误。 Wrong user name or password.";
            var suggested = await binder.SuggestUserNameAsync(qq.Nickname, http.RequestAborted).ConfigureAwait(false);
            return RenderBindPage(http, paths, qq, returnUrl, suggested, userName, message: null, [why], StatusCodes.Status400BadRequest);
        }

        var result = await binder.BindQqAsync(user, qq, http.RequestAborted).ConfigureAwait(false);
        if (result is QqBindResult.BoundToAnotherAccount or QqBindResult.AccountHasAnotherQq)
        {
            // The pending QQ login is kept: the user may create an account, or bind another one.
            return Results.Redirect(SitePaths.With(paths.BindPage, RefusalCode(result), returnUrl));
        }

        return await SignInAsync(http, paths, signIn, user, qq, info, paths.ReturnUrl(returnUrl)).ConfigureAwait(false);
    }

    private static async Task<IResult> BindSignedInAsync(
        HttpContext http, SitePaths paths, SignInManager<TUser> signIn, TUser user, ExternalLoginInfo info, string? returnUrl)
    {
        var qq = QqLogin.FromExternalLogin(info);
        var result = await http.RequestServices.GetRequiredService<IQqAccountBinder<TUser>>().BindQqAsync(user, qq, http.RequestAborted).ConfigureAwait(false);
        await http.SignOutAsync(IdentityConstants.ExternalScheme).ConfigureAwait(false);
        if (result is QqBindResult.BoundToAnotherAccount or QqBindResult.AccountHasAnotherQq)
        {
            return Results.Redirect(SitePaths.With(paths.AccountPage, RefusalCode(result)));
        }

        await http.RequestServices.GetRequiredService<IQqProfileStore<TUser>>()
            .SaveLoginAsync(user, qq, info.AuthenticationTokens ?? [], http.RequestAborted).ConfigureAwait(false);
        // The account as stored (a bind may have run on a fresh copy after a lost race) makes the new cookie.
        var stored = await signIn.UserManager.FindByIdAsync(await signIn.UserManager.GetUserIdAsync(user).ConfigureAwait(false)).ConfigureAwait(false) ?? user;
        await signIn.RefreshSignInAsync(stored).ConfigureAwait(false);
        return Results.Redirect(returnUrl ?? SitePaths.With(paths.AccountPage, Messages.Bound));
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, SitePaths paths, SignInManager<TUser> signIn, TUser user, QqLogin qq, ExternalLoginInfo info, string then)
    {
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme).ConfigureAwait(false);
            var why = result.IsLockedOut
                ? "此账号已被锁定，暂时不能登录。 This account is locked out and cannot sign in now."
                : "此账号暂时不能登录。 This account cannot sign in now.";
            return Page("无法登录 Cannot sign in",
                $"<p class=\"error\" id=\"refusal\" data-reason=\"{(result.IsLockedOut ? "locked-out" : "not-allowed")}\">{E(why)}</p>"
                + $"<p><a href=\"{E(paths.LoginPage)}\">登录 Log in</a></p>",
                StatusCodes.Status403Forbidden);
        }

        // ExternalLoginSignInAsync signed the external cookie out; the profile and tokens of this login are kept.
        await http.RequestServices.GetRequiredService<IQqProfileStore<TUser>>()
            .SaveLoginAsync(user, qq, info.AuthenticationTokens ?? [], http.RequestAborted).ConfigureAwait(false);
        return Results.Redirect(then);
    }

    private static IResult RenderBindPage(
        HttpContext http, SitePaths paths, QqLogin qq, string? returnUrl, string suggestedName, string? existingUserName, string? message,
        IEnumerable<string> errors, int statusCode = StatusCodes.Status200OK) =>
        Page("绑定账号 Bind your account",
            $"<p>{Avatar(qq.AvatarUrl)}QQ用户 {Nickname(qq.Nickname, "qq-nickname")} 尚未绑定本站账号。 This QQ is not bound to an account of this site yet.</p>"
            + Message(message)
            + Errors(errors)
            + "<fieldset><legend>创建新账号 Create a new account</legend>"
            + "<p>只需一个用户名，无需电子邮箱或密码。 Only a user name: no e-mail, no password.</p>"
            + Form(http, paths.Action("bind/create"), "create-account",
                Hidden(SitePaths.ReturnUrlParameter, returnUrl)
                + Input("userName", "用户名 User name", value: suggestedName) + "<button>创建并登录 Create and sign in</button>")
            + "</fieldset><fieldset><legend>绑定已有账号 Bind an account I have</legend>"
            + Form(http, paths.Action("bind/existing"), "bind-existing",
                Hidden(SitePaths.ReturnUrlParameter, returnUrl)
                + Input("existingUserName", "用户名 User name", value: existingUserName, autocomplete: "username")
                + Input("password", "密码 Password", "password", autocomplete: "current-password")
                + "<button>登录并绑定 Sign in and bind</button>")
            + "</fieldset>",
            statusCode);

    private static string RefusalCode(QqBindResult result) =>
        result == QqBindResult.BoundToAnotherAccount ? Messages.BoundElsewhere : Messages.AccountHasAnotherQq;

    private static bool IsSignedIn(HttpContext http) => http.User.Identities.Any(identity =>
        identity.IsAuthenticated && identity.AuthenticationType == IdentityConstants.ApplicationScheme);
}
