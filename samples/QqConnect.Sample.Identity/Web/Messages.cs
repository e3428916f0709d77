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
        "qq-bound-elsewhere" => "这个QQ已绑定其他账号，未做任何更改。 This QQ is bound to another account; nothing was changed.",
        "account-has-qq" => "这个账号已绑定另一个QQ，未做任何更改。 This account is bound to another QQ; nothing was changed.",
        "unbind-only-login" => "QQ是此账号唯一的登录方式，请先设置密码。 QQ is the only way to sign in to this account: set a password first.",
        "password-rejected" => "密码不符合要求：至少8个字符，含小写字母和数字。 The password was not accepted: at least 8 characters, with a lowercase letter and a digit.",
        "password-exists" => "此账号已有密码。 This account has a password already.",
        "refresh-failed" => "无法从QQ更新资料，请重新用QQ登录。 The profile could not be read from QQ; log in with QQ again.",
        _ => "",
    };

    /// <summary>Whether the message says something was refused (shown as an error).</summary>
    public static bool IsRefusal(string key) =>
        key is "qq-bound-elsewhere" or "account-has-qq" or "unbind-only-login" or "password-rejected" or "password-exists" or "refresh-failed";
}
