namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The messages a redirect names by code (<c>?m=bound</c>): fixed texts, never user input in a URL.</summary>
internal static class Messages
{
    public const string Bound = "bound";
    public const string Unbound = "unbound";
    public const string Refreshed = "refreshed";
    public const string LoginRequired = "qq-login-required";
    public const string RefreshFailed = "refresh-failed";
    public const string UnbindRefused = "unbind-refused";
    public const string NotBound = "not-bound";
    public const string BoundElsewhere = "bound-elsewhere";
    public const string AccountHasAnotherQq = "account-has-another-qq";
    public const string Expired = "qq-expired";
    public const string NotStartedHere = "bind-not-started-here";

    /// <summary>The text of <paramref name="code"/>, 中文 then English; <see langword="null"/> for an unknown code.</summary>
    public static string? Text(string? code) => code switch
    {
        Bound => "已绑定QQ。 QQ is now bound to this account.",
        Unbound => "已解除QQ绑定。 QQ was unbound from this account.",
        Refreshed => "已从QQ更新资料。 The QQ profile was read again.",
        LoginRequired => "需要重新用QQ登录才能更新资料：请点“绑定QQ”再登录一次。 Log in with QQ again to refresh the profile.",
        RefreshFailed => "暂时无法连接QQ，请稍后再试。 QQ could not be reached; try again later.",
        UnbindRefused => "QQ是此账号唯一的登录方式，请先设置密码再解除绑定。 QQ is the only way to sign in to this account: set a password before unbinding.",
        NotBound => "此账号未绑定QQ。 No QQ is bound to this account.",
        BoundElsewhere => "这个QQ已绑定其他账号，未做任何更改。 This QQ is bound to another account; nothing was changed.",
        AccountHasAnotherQq => "这个账号已绑定另一个QQ，未做任何更改。 This account is bound to another QQ; nothing was changed.",
        Expired => "QQ登录已过期，请重新登录。 The QQ login expired; log in with QQ again.",
        NotStartedHere => "未绑定：请在“我的账号”页面点“绑定QQ”。 Not bound: bind QQ from your account page.",
        _ => null,
    };
}
