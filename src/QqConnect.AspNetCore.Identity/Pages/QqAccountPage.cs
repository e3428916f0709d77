using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Identity.Internal;
using static QqConnect.AspNetCore.Identity.Pages.Html;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// The account's QQ (<c>{PathPrefix}/account</c>, 我的QQ): the bound QQ's nickname, avatar and bind time, and the
/// bind, refresh and unbind buttons (unbind only when the account keeps another way to sign in).
/// </summary>
internal static class QqAccountPage<TUser>
    where TUser : class
{
    public static async Task<IResult> PageAsync(HttpContext http)
    {
        var paths = SitePaths.For(http);
        var users = http.RequestServices.GetRequiredService<UserManager<TUser>>();
        if (await users.GetUserAsync(http.User).ConfigureAwait(false) is not { } user)
        {
            return Results.Redirect(paths.LoginPage);
        }

        var status = await http.RequestServices.GetRequiredService<IQqAccountBinder<TUser>>().GetStatusAsync(user, http.RequestAborted).ConfigureAwait(false);
        var body = $"<p>用户名 User name: <b id=\"user-name\">{E(await users.GetUserNameAsync(user).ConfigureAwait(false))}</b></p>"
            + Message(http.Request.Query["m"])
            + "<h2>QQ</h2>";
        if (!status.IsBound)
        {
            body += "<p id=\"qq-none\">未绑定QQ。 No QQ is bound.</p>";
            foreach (var scheme in (await http.RequestServices.GetRequiredService<QqSchemes>().NamesAsync().ConfigureAwait(false)).Order(StringComparer.Ordinal))
            {
                body += Form(http, paths.Action("account/bind"), "qq-bind-" + scheme,
                    Hidden("scheme", scheme) + "<button class=\"qq\">绑定QQ Bind QQ</button>");
            }
        }
        else
        {
            var profile = status.Profile;
            body += $"<p>{Avatar(profile?.AvatarUrl)}{Nickname(profile?.Nickname, "qq-nickname")}</p>";
            if (profile is not null)
            {
                body += $"<p>绑定时间 Bound at <time id=\"qq-bound-at\" datetime=\"{E(profile.BoundAt.ToString("O", CultureInfo.InvariantCulture))}\">"
                    + $"{E(profile.BoundAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</time></p>";
            }

            body += Form(http, paths.Action("account/refresh"), "qq-refresh", "<button>从QQ更新资料 Refresh from QQ</button>");
            body += status.CanUnbind
                ? Form(http, paths.Action("account/unbind"), "qq-unbind", "<button>解除绑定 Unbind QQ</button>")
                : "<p id=\"qq-unbind-hint\">QQ是此账号唯一的登录方式：设置密码后才能解除绑定。 QQ is the only way to sign in to this account: set a password to be able to unbind it.</p>";
        }

        return Page("我的QQ My QQ", body);
    }

    public static async Task<IResult> BindQqAsync(HttpContext http, IFormCollection form)
    {
        var paths = SitePaths.For(http);
        var signIn = http.RequestServices.GetRequiredService<SignInManager<TUser>>();
        var scheme = form["scheme"].ToString();
        var schemes = await http.RequestServices.GetRequiredService<QqSchemes>().NamesAsync().ConfigureAwait(false);
        if (!schemes.Contains(scheme))
        {
            return Results.Redirect(paths.AccountPage);
        }

        var userId = signIn.UserManager.GetUserId(http.User);
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, paths.Callback, userId);
        return Results.Challenge(properties, [scheme]);
    }

    public static async Task<IResult> RefreshAsync(HttpContext http, IFormCollection form)
    {
        var paths = SitePaths.For(http);
        var users = http.RequestServices.GetRequiredService<UserManager<TUser>>();
        if (await users.GetUserAsync(http.User).ConfigureAwait(false) is not { } user)
        {
            return Results.Redirect(paths.LoginPage);
        }

        string code;
        try
        {
            await http.RequestServices.GetRequiredService<IQqProfileStore<TUser>>().RefreshProfileAsync(user, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            code = Messages.Refreshed;
        }
        catch (QqLoginRequiredException)
        {
            code = Messages.LoginRequired;
        }
        catch (QqConnectException)
        {
            code = Messages.RefreshFailed;
        }

        return Results.Redirect(SitePaths.With(paths.AccountPage, code));
    }

    public static async Task<IResult> UnbindQqAsync(HttpContext http, IFormCollection form)
    {
        var paths = SitePaths.For(http);
        var signIn = http.RequestServices.GetRequiredService<SignInManager<TUser>>();
        var users = signIn.UserManager;
        if (await users.GetUserAsync(http.User).ConfigureAwait(false) is not { } user)
        {
            return Results.Redirect(paths.LoginPage);
        }

        var result = await http.RequestServices.GetRequiredService<IQqAccountBinder<TUser>>().UnbindQqAsync(user, http.RequestAborted).ConfigureAwait(false);
        switch (result)
        {
            case QqUnbindResult.Unbound:
                // The security stamp changed: the cookie is made again from the account as stored.
                var stored = await users.FindByIdAsync(await users.GetUserIdAsync(user).ConfigureAwait(false)).ConfigureAwait(false) ?? user;
                await signIn.RefreshSignInAsync(stored).ConfigureAwait(false);
                return Results.Redirect(SitePaths.With(paths.AccountPage, Messages.Unbound));
            case QqUnbindResult.OnlyWayToSignIn:
                return Results.Redirect(SitePaths.With(paths.AccountPage, Messages.UnbindRefused));
            default:
                return Results.Redirect(SitePaths.With(paths.AccountPage, Messages.NotBound));
        }
    }
}
