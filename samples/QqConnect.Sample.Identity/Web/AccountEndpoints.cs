using System.Globalization;
using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore;
using QqConnect.Client;
using QqConnect.AspNetCore.Identity;
using QqConnect.Sample.Identity.Data;
using static QqConnect.Sample.Identity.Web.Html;

namespace QqConnect.Sample.Identity.Web;

/// <summary>The account page: which QQ is bound (nickname, avatar, when), bind, unbind, profile refresh, set a password.</summary>
internal static class AccountEndpoints
{
    private const string Scheme = QqConnectAuthenticationDefaults.AuthenticationScheme;

    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapGet("/", AccountPage);
        account.MapPost("/qq/bind", (HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) =>
            QqLoginEndpoints.Challenge(signIn, users.GetUserId(http.User))).RequireAntiforgeryToken();
        account.MapPost("/qq/unbind", Unbind).RequireAntiforgeryToken();
        account.MapPost("/qq/refresh", Refresh).RequireAntiforgeryToken();
        account.MapPost("/password", SetPassword).RequireAntiforgeryToken();
    }

    // The POST forms redirect back here with a message key (post-redirect-get): a reload never posts again.
    private static async Task<IResult> AccountPage(HttpContext http, UserManager<IdentityUser> users, IQqAccountBinder<IdentityUser> binder, string? m) =>
        m is not null && Messages.IsRefusal(m)
            ? await RenderAsync(http, users, binder, null, [Messages.Text(m)])
            : await RenderAsync(http, users, binder, m is null ? null : Messages.Text(m), []);

    private static async Task<IResult> RenderAsync(
        HttpContext http, UserManager<IdentityUser> users, IQqAccountBinder<IdentityUser> binder, string? message, IEnumerable<string> errors)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/login");
        }

        var status = await binder.GetStatusAsync(user, http.RequestAborted);
        var profile = status.Profile;
        var hasPassword = await users.HasPasswordAsync(user);
        var body = $"<p>用户名 User name: <b id=\"user-name\">{E(user.UserName)}</b></p>"
            + (string.IsNullOrEmpty(message) ? "" : $"<p class=\"message\" id=\"message\">{E(message)}</p>")
            + Errors(errors)
            + "<h2>QQ</h2>";
        if (profile is null)
        {
            body += "<p id=\"qq-none\">未绑定QQ。 No QQ is bound.</p>"
                + Form(http, "/account/qq/bind", "qq-bind", "<button class=\"qq\">绑定QQ Bind QQ</button>");
        }
        else
        {
            var avatar = profile.AvatarUrl is null ? "" : $"<img class=\"avatar\" id=\"qq-avatar\" src=\"{E(profile.AvatarUrl)}\" alt=\"QQ头像 avatar\"> ";
            body += $"<p>{avatar}<b><bdi id=\"qq-nickname\">{E(profile.Nickname)}</bdi></b></p>"
                + $"<p>绑定时间 Bound at <time id=\"qq-bound-at\">{E(profile.BoundAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</time>"
                + $" · 更新 Updated <time id=\"qq-updated-at\">{E(profile.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</time></p>"
                + $"<p>OpenID <code id=\"qq-openid\">{E(status.QqLogins[0].ProviderKey)}</code>"
                + (profile.UnionId is null ? "" : $" · UnionID <code id=\"qq-unionid\">{E(profile.UnionId)}</code>") + "</p>"
                + Form(http, "/account/qq/refresh", "qq-refresh", "<button>从QQ更新资料 Refresh from QQ</button>")
                + (status.CanUnbind
                    ? Form(http, "/account/qq/unbind", "qq-unbind", "<button>解除绑定 Unbind QQ</button>")
                    : "<p id=\"unbind-needs-password\">设置密码后才能解除绑定。 Set a password (below) to be able to unbind QQ.</p>");
        }

        if (!hasPassword)
        {
            body += "<h2>密码 Password</h2><p>此账号只能用QQ登录；设置密码后才能解除绑定。 This account signs in with QQ only; set a password before unbinding.</p>"
                + Form(http, "/account/password", "set-password", Input("newPassword", "新密码 New password", "password") + "<button>设置密码 Set password</button>");
        }

        body += Form(http, "/logout", "logout", "<button>退出 Sign out</button>");
        return Page("我的账号 My account", body);
    }

    private static async Task<IResult> Unbind(
        HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IQqAccountBinder<IdentityUser> binder)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/login");
        }

        var result = await binder.UnbindQqAsync(user, http.RequestAborted);
        switch (result)
        {
            case QqUnbindResult.Unbound:
                // The security stamp changed; the binder may have done it on a fresh copy (after a lost race), so the
                // cookie is made from the account as stored, not from this request's copy.
                await signIn.RefreshSignInAsync(await users.FindByIdAsync(user.Id) ?? user);
                return Results.Redirect("/account?m=unbound");
            case QqUnbindResult.OnlyWayToSignIn:
                return Results.Redirect("/account?m=unbind-only-login");
            default:
                return Results.Redirect("/account");
        }
    }

    private static async Task<IResult> Refresh(HttpContext http, UserManager<IdentityUser> users, IQqProfileStore<IdentityUser> profiles)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/login");
        }

        try
        {
            await profiles.RefreshProfileAsync(user, Scheme, http.RequestAborted);
            return Results.Redirect("/account?m=refreshed");
        }
        catch (QqConnectException)
        {
            return Results.Redirect("/account?m=refresh-failed");
        }
    }

    private static async Task<IResult> SetPassword(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/login");
        }

        var form = await http.Request.ReadFormAsync();
        var result = await users.AddPasswordAsync(user, form["newPassword"].ToString());
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user); // the security stamp changed
            return Results.Redirect("/account?m=password");
        }

        // A second tab may have set one already; else the password was too weak (Program.cs sets the rules).
        return Results.Redirect(result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.UserAlreadyHasPassword))
            ? "/account?m=password-exists"
            : "/account?m=password-rejected");
    }
}
