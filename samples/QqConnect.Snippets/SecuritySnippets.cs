using Microsoft.AspNetCore.Mvc;
using QqConnect.Client;

namespace QqConnect.Snippets;

/// <summary>The code of docs/security.md, compiled (each region is one ```csharp block); the state block is MVC.</summary>
internal sealed class SecuritySnippets(IConfiguration config, IQqConnectClient qq) : Controller
{
    // docs/security.md, "state": the document shows the /login action and the /signin-qq action in one block,
    // so here the second follows the first one's return.
#pragma warning disable CS0162 // Unreachable code detected
    public async Task<IActionResult> LoginAndCallback()
    {
        #region security-state
        var protector = new QqLoginStateProtector(new QqLoginStateOptions
        {
            Key = Convert.FromBase64String(config["QqConnect:StateKey"]!), // 32+ random bytes, the same on every server
        });

        // /login
        var login = protector.Create(returnUrl: "/orders/42");
        Response.Cookies.Append("qq.state", login.BrowserBinding, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Expires = login.ExpiresAt });
        return Redirect(qq.BuildAuthorizeUrl(login.State).AbsoluteUri);

        // /signin-qq
        var callback = QqCallback.Parse(Request.QueryString.Value!);
        callback.ThrowIfError();                                    // QQ's error, e.g. the user denied
        var check = protector.Validate(callback.State, Request.Cookies["qq.state"]);
        Response.Cookies.Delete("qq.state");                        // one use per browser
        if (!check.IsValid) return BadRequest(check.Failure.ToString());
        var token = await qq.ExchangeCodeAsync(callback.Code!);
        return LocalRedirect(check.ReturnUrl!);
        #endregion
    }
#pragma warning restore CS0162

    // docs/security.md, tokens that an app sends to the server.
    public static async Task AcceptedAppIds(IServiceCollection services, IQqConnectClient qq, string accessTokenFromApp, string openIdFromApp)
    {
        #region security-accepted-app-ids
        // accept tokens of the website app and of the mobile app
        services.AddQqConnectClient(o => { /* … */ o.AcceptedAppIds = ["1019xxxxx"]; });
        var who = await qq.VerifyAccessTokenAsync(accessTokenFromApp, openIdFromApp);
        #endregion
    }
}
