using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Identity;
using QqConnect.Sample.Identity.Data;
using static QqConnect.Sample.Identity.Web.Html;

namespace QqConnect.Sample.Identity.Web;

/// <summary>
/// QQ登录 and the bind page (绑定账号). The QQ handler signs the QQ user in to Identity's external cookie and comes
/// back to <c>/qq/callback</c>; a bound QQ signs in to its account, an unbound one goes to <c>/qq/bind</c>. The pending
/// QQ identity stays in that cookie (short-lived, protected) until an account is created or chosen.
/// </summary>
internal static class QqLoginEndpoints
{
    private const string Scheme = QqConnectAuthenticationDefaults.AuthenticationScheme;

    public static void MapQqLogin(this IEndpointRouteBuilder app)
    {
        // Signed in, binding QQ is the account page's POST form (an explicit, antiforgery-checked request), not a link.
        app.MapGet("/qq/login", (HttpContext http, SignInManager<IdentityUser> signIn) =>
            http.User.Identity?.IsAuthenticated == true ? Results.Redirect("/account") : Challenge(signIn, userId: null));
        app.MapGet("/qq/callback", Callback);
        app.MapGet("/qq/bind", BindPage);
        app.MapPost("/qq/bind/create", CreateAccount).AddEndpointFilter(SignedInGoesToAccount).RequireAntiforgeryToken();
        app.MapPost("/qq/bind/existing", BindExisting).AddEndpointFilter(SignedInGoesToAccount).RequireAntiforgeryToken();
    }

    // A bind-page post from a browser that is signed in already is the second click of a double click (or a second
    // tab) whose first post created or bound the account: nothing is left to do. It is answered before the
    // antiforgery check, which would refuse it as "expired" (the form's token was made for the signed-out browser),
    // and it changes nothing, so it needs no token.
    private static async ValueTask<object?> SignedInGoesToAccount(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.Identity?.IsAuthenticated == true ? Results.Redirect("/account") : await next(context);

    /// <summary>Sends the browser to QQ; with <paramref name="userId"/>, the QQ comes back to be bound to that signed-in account.</summary>
    public static IResult Challenge(SignInManager<IdentityUser> signIn, string? userId) =>
        Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(Scheme, "/qq/callback", userId), [Scheme]);

    private static async Task<IResult> Callback(
        HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IQqAccountBinder<IdentityUser> binder, IQqProfileStore<IdentityUser> profiles)
    {
        var current = http.User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(http.User) : null;

        // Binding to a signed-in account needs the login to have been started by that account (Identity's XSRF key).
        var info = await signIn.GetExternalLoginInfoAsync(current?.Id);
        if (info is null)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return Results.Redirect(current is null ? "/login?m=qq-expired" : "/account");
        }

        var qq = QqLogin.FromExternalLogin(info);
        if (current is not null)
        {
            return await BindAndFinishAsync(http, signIn, binder, profiles, current, qq, info);
        }

        var user = await binder.FindAsync(qq);
        if (user is null)
        {
            return Results.Redirect("/qq/bind");
        }

        return await SignInAsync(http, signIn, profiles, user, qq, info, "/account");
    }

    // A refused bind comes back here with its message (?m=): the QQ login stays pending for another choice.
    private static async Task<IResult> BindPage(HttpContext http, SignInManager<IdentityUser> signIn, IQqAccountBinder<IdentityUser> binder, string? m)
    {
        if (await PendingAsync(signIn) is not var (_, qq))
        {
            return Expired;
        }

        return RenderBindPage(http, qq, await binder.SuggestUserNameAsync(qq.Nickname), Messages.Text(m ?? "") is { Length: > 0 } text ? [text] : []);
    }

    // The bind page and its forms need the QQ identity pending in Identity's external cookie; it lasts minutes.
    private static readonly IResult Expired = Results.Redirect("/login?m=qq-expired");

    private static async Task<(ExternalLoginInfo Info, QqLogin Qq)?> PendingAsync(SignInManager<IdentityUser> signIn) =>
        await signIn.GetExternalLoginInfoAsync() is { } info ? (info, QqLogin.FromExternalLogin(info)) : null;

    private static IResult RenderBindPage(
        HttpContext http, QqLogin qq, string suggestedName, IEnumerable<string> errors, int statusCode = StatusCodes.Status200OK, string? existingUserName = null)
    {
        var avatar = qq.AvatarUrl is null ? "" : $"<img class=\"avatar\" id=\"qq-avatar\" src=\"{E(qq.AvatarUrl)}\" alt=\"QQ头像 avatar\"> ";
        return Page("绑定账号 Bind your account",
            $"<p>{avatar}QQ用户 <b><bdi id=\"qq-nickname\">{E(qq.Nickname)}</bdi></b> 尚未绑定本站账号。 This QQ is not bound to an account of this site yet.</p>"
            + Errors(errors)
            + "<fieldset><legend>创建新账号 Create a new account</legend>"
            + Form(http, "/qq/bind/create", "create-account",
                Input("userName", "用户名 User name", value: suggestedName) + "<button>创建并绑定 Create and bind</button>")
            + "</fieldset><fieldset><legend>绑定已有账号 Bind to an account I have</legend>"
            + Form(http, "/qq/bind/existing", "bind-existing",
                Input("existingUserName", "用户名 User name", value: existingUserName) + Input("password", "密码 Password", "password")
                + "<button>登录并绑定 Sign in and bind</button>")
            + "</fieldset>",
            statusCode);
    }

    private static async Task<IResult> CreateAccount(
        HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IQqAccountBinder<IdentityUser> binder, IQqProfileStore<IdentityUser> profiles)
    {
        if (await PendingAsync(signIn) is not var (info, qq))
        {
            return Expired;
        }

        var form = await http.Request.ReadFormAsync();
        var userName = form["userName"].ToString().Trim();
        if (userName.Length == 0)
        {
            userName = await binder.SuggestUserNameAsync(qq.Nickname);
        }

        var creation = await binder.CreateAccountAsync(qq, userName);
        if (creation.User is null)
        {
            return RenderBindPage(http, qq, await binder.SuggestUserNameAsync(qq.Nickname), creation.Errors.Select(error => error.Description), StatusCodes.Status400BadRequest);
        }

        return await SignInAsync(http, signIn, profiles, creation.User, qq, info, "/account");
    }

    private static async Task<IResult> BindExisting(
        HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IQqAccountBinder<IdentityUser> binder, IQqProfileStore<IdentityUser> profiles)
    {
        if (await PendingAsync(signIn) is not var (info, qq))
        {
            return Expired;
        }

        var form = await http.Request.ReadFormAsync();
        var userName = form["existingUserName"].ToString().Trim();
        var user = await users.FindByNameAsync(userName);
        var check = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true);
        if (user is null || !check.Succeeded)
        {
            // The page again with the typed user name (not the password) for another try.
            return RenderBindPage(
                http, qq, await binder.SuggestUserNameAsync(qq.Nickname), ["用户名或密码错误。 Wrong user name or password."], StatusCodes.Status400BadRequest, userName);
        }

        return await BindAndFinishAsync(http, signIn, binder, profiles, user, qq, info);
    }

    private static async Task<IResult> BindAndFinishAsync(
        HttpContext http, SignInManager<IdentityUser> signIn, IQqAccountBinder<IdentityUser> binder, IQqProfileStore<IdentityUser> profiles,
        IdentityUser user, QqLogin qq, ExternalLoginInfo info)
    {
        var result = await binder.BindQqAsync(user, qq);
        if (result is QqBindResult.Bound or QqBindResult.AlreadyBound)
        {
            return await SignInAsync(http, signIn, profiles, user, qq, info, "/account?m=bound");
        }

        var message = result == QqBindResult.BoundToAnotherAccount ? "qq-bound-elsewhere" : "account-has-qq";
        if (http.User.Identity?.IsAuthenticated == true)
        {
            // Bound from the account page: the login was for that binding only.
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return Results.Redirect("/account?m=" + message);
        }

        // From the bind page: the QQ login stays pending (until used or expired) for the other choice there.
        return Results.Redirect("/qq/bind?m=" + message);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, SignInManager<IdentityUser> signIn, IQqProfileStore<IdentityUser> profiles, IdentityUser user, QqLogin qq, ExternalLoginInfo info, string then)
    {
        // The package's sign-in manager: a lockout from wrong passwords (anyone can type them) does not keep the
        // account's own QQ out; an administrator's lockout, or an account that may not sign in, does.
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!result.Succeeded)
        {
            return Page("无法登录 Cannot sign in", "<p class=\"error\" id=\"refusal\">此账号暂时不能登录。 This account cannot sign in now.</p>", StatusCodes.Status403Forbidden);
        }

        await profiles.SaveLoginAsync(user, qq, info.AuthenticationTokens ?? []);
        return Results.Redirect(then);
    }
}
