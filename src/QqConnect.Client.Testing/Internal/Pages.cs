using System.Globalization;
using System.Net;
using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>The emulator's HTML pages. Every page says it is an emulator.</summary>
internal static class Pages
{
    private const string Style =
        "body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;color:#222}"
        + ".banner{background:#fff3cd;border:1px solid #e0c36c;padding:.6em;border-radius:6px}"
        + "label.user{display:flex;align-items:center;gap:.6em;padding:.4em;border:1px solid #ddd;border-radius:6px;margin:.3em 0}"
        + "label.user img{width:40px;height:40px}button{font-size:1em;padding:.5em 1.2em;margin-right:.6em}"
        + "#approve{background:#12b7f5;color:#fff;border:0;border-radius:4px}";

    /// <summary>How to let a request without <c>state</c> through, in each host of the emulator.</summary>
    private const string MissingStateHint =
        "<p id=\"hint\" data-testid=\"hint\">This request has no <code>state</code>. To allow that: <code>--allow-missing-state</code> (command line), "
        + "<code>\"requireState\": false</code> (configuration file) or <code>RequireState = false</code> (QqConnectEmulatorOptions).<br>"
        + "请求缺少 <code>state</code>。若要允许：命令行加 <code>--allow-missing-state</code>，配置文件写 <code>\"requireState\": false</code>，"
        + "或代码中设 <code>RequireState = false</code>（QqConnectEmulatorOptions）。</p>";

    public static string Status(int status, string reason) =>
        "<html><head><title>" + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "</title></head><body>"
        + "<center><h1>" + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "</h1></center><hr><center>tws</center>"
        + "</body></html>";

    public static string Error(int code, string description)
    {
        var builder = Start("QQ Connect Emulator - error " + code.ToString(CultureInfo.InvariantCulture));
        builder.Append("<h1>很抱歉，出错了！ (emulator)</h1>")
            .Append("<p id=\"error\" data-testid=\"error\">error: <span id=\"error-code\" data-testid=\"error-code\">")
            .Append(code.ToString(CultureInfo.InvariantCulture))
            .Append("</span><br>error_description: <span id=\"error-description\" data-testid=\"error-description\">")
            .Append(WebUtility.HtmlEncode(description))
            .Append("</span></p>");
        if (code == QqErrors.BadRequest)
        {
            builder.Append(MissingStateHint);
        }

        return End(builder);
    }

    public static string Authorize(
        EmulatorApp app,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyList<EmulatorUser> users,
        Func<EmulatorUser, string> avatarUrl)
    {
        var builder = Start("QQ Connect Emulator - 授权登录 " + app.Name);
        builder.Append("<h1>QQ登录 · 授权 <span data-testid=\"app-name\">").Append(H(app.Name)).Append("</span></h1>")
            .Append("<p>App <code id=\"client-id\" data-testid=\"client-id\">").Append(H(app.AppId))
            .Append("</code> asks for: <code data-testid=\"scope\">")
            .Append(H(parameters.TryGetValue("scope", out var scope) && scope.Length > 0 ? scope : "get_user_info"))
            .Append("</code></p>")
            .Append("<form method=\"post\" action=\"authorize\" id=\"authorize-form\">");
        foreach (var name in QqConnectEmulator.AuthorizeParameterNames)
        {
            if (parameters.TryGetValue(name, out var value))
            {
                builder.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(H(value)).Append("\">");
            }
        }

        builder.Append("<fieldset><legend>选择一个模拟账号 / choose a fake user</legend>");
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            builder.Append("<label class=\"user\" data-testid=\"user-").Append(index).Append("\" for=\"user-").Append(index).Append("\">")
                .Append("<input type=\"radio\" name=\"user\" id=\"user-").Append(index).Append("\" value=\"").Append(index).Append('"')
                .Append(i == 0 ? " checked" : "").Append('>')
                .Append("<img alt=\"\" src=\"").Append(H(avatarUrl(user))).Append("\">")
                .Append("<span class=\"nickname\">").Append(H(user.Nickname)).Append("</span>")
                .Append("<small>").Append(H(user.Gender)).Append(' ').Append(H(user.Province)).Append(' ').Append(H(user.City)).Append("</small>")
                .Append("</label>");
        }

        builder.Append("</fieldset><p>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\" data-testid=\"approve\">授权并登录 Approve</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\" data-testid=\"deny\">取消 Deny</button>")
            .Append("</p></form>");
        return End(builder);
    }

    public static string Index(IReadOnlyList<EmulatorApp> apps, IReadOnlyList<EmulatorUser> users)
    {
        var builder = Start("QQ Connect Emulator");
        builder.Append("<h1>QQ Connect (QQ互联) emulator</h1><h2>Apps</h2><ul>");
        foreach (var app in apps)
        {
            // The app key is a secret even here (a configuration may hold a real one): the page names the app only.
            builder.Append("<li><code>").Append(H(app.AppId)).Append("</code> domains <code>").Append(H(string.Join(", ", app.CallbackDomains))).Append("</code>")
                .Append(app.UnionIdGranted ? " (UnionID granted)" : "").Append("</li>");
        }

        builder.Append("</ul><h2>Users</h2><ol start=\"0\">");
        foreach (var user in users)
        {
            builder.Append("<li>").Append(H(user.Nickname)).Append("</li>");
        }

        builder.Append("</ol>");
        return End(builder);
    }

    private static StringBuilder Start(string title) =>
        new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(H(title)).Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<p class=\"banner\" data-testid=\"emulator-banner\">QQ Connect Emulator — this is a local emulator, not the real QQ login. 这是模拟器，不是真实的QQ登录。</p>");

    private static string End(StringBuilder builder) => builder.Append("</body></html>\n").ToString();

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
