using Microsoft.AspNetCore.Identity;
using static QqConnect.Sample.Identity.Web.Html;

namespace QqConnect.Sample.Identity.Web;

/// <summary>The home page and the site's own accounts: register (user name + password, no e-mail), sign in, sign out.</summary>
internal static class LocalAccountEndpoints
{
    public static void MapLocalAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home);
        app.MapGet("/register", (HttpContext http) => RegisterPage(http, []));
        app.MapPost("/register", Register).RequireAntiforgeryToken();
        app.MapGet("/login", (HttpContext http, string? m) => LoginPage(http, m is null ? [] : [Messages.Text(m)]));
        app.MapPost("/login", SignIn).RequireAntiforgeryToken();
        app.MapPost("/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/");
        }).RequireAntiforgeryToken();
    }

    private static IResult Home(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return Page("首页 Home", $"<p>已登录 Signed in as <b id=\"user-name\">{E(http.User.Identity.Name)}</b>. <a id=\"account\" href=\"/account\">我的账号 My account</a></p>"
                + Form(http, "/logout", "logout", "<button>退出 Sign out</button>"));
        }

        return Page("首页 Home",
            "<p><a class=\"qq\" id=\"qq-login\" href=\"/qq/login\">QQ登录</a></p>"
            + "<p><a id=\"login\" href=\"/login\">登录 Sign in</a> · <a id=\"register\" href=\"/register\">注册 Register</a></p>");
    }

    private static IResult RegisterPage(HttpContext http, IEnumerable<string> errors, int statusCode = StatusCodes.Status200OK) =>
        Page("注册 Register", Errors(errors) + Form(http, "/register", "register-form",
            Input("userName", "用户名 User name") + Input("password", "密码 Password", "password")
            + "<button>注册 Register</button>"), statusCode);

    private static IResult LoginPage(HttpContext http, IEnumerable<string> errors, int statusCode = StatusCodes.Status200OK) =>
        Page("登录 Sign in", Errors(errors) + Form(http, "/login", "login-form",
            Input("userName", "用户名 User name") + Input("password", "密码 Password", "password")
            + "<button>登录 Sign in</button>")
            + "<p>或 or <a class=\"qq\" id=\"qq-login\" href=\"/qq/login\">QQ登录</a></p>", statusCode);

    private static async Task<IResult> Register(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        var user = new IdentityUser(form["userName"].ToString().Trim());
        var created = await users.CreateAsync(user, form["password"].ToString());
        if (!created.Succeeded)
        {
            return RegisterPage(http, created.Errors.Select(error => error.Description), StatusCodes.Status400BadRequest);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Results.Redirect("/account");
    }

    private static async Task<IResult> SignIn(HttpContext http, SignInManager<IdentityUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        var result = await signIn.PasswordSignInAsync(form["userName"].ToString().Trim(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded
            ? Results.Redirect("/account")
            : LoginPage(http, ["用户名或密码错误。 Wrong user name or password."], StatusCodes.Status400BadRequest);
    }
}
