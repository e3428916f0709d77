namespace QqConnect.Sample.Identity.Web;

/// <summary>The short messages a redirect names by key (<c>?m=bound</c>): never user input in a query string.</summary>
internal static class Messages
{
    public static string Text(string key) => key switch
    {
        "bound" => "已绑定QQ。 QQ is now bound to this account.",
        "unbound" => "已解除QQ绑定。 QQ was unbound.",
        "refreshed" => "已从QQ更新资料。 The QQ profile was read again.",
        "password" => "已设置密码。 The password is set.",
        "qq-expired" => "QQ登录已过期，请重新登录。 The QQ login expired; log in with QQ again.",
        "qq-failed" => "QQ登录失败。 QQ login failed.",
        "qq-denied" => "你取消了QQ授权。 You cancelled the QQ login.",
        _ => "",
    };
}
