namespace QqConnect.AspNetCore.Identity;

/// <summary>The outcome of <see cref="IQqAccountBinder{TUser}.BindQqAsync"/>.</summary>
public enum QqBindResult
{
    /// <summary>The QQ is now bound to the account.</summary>
    Bound,

    /// <summary>The QQ was already bound to this account; nothing changed.</summary>
    AlreadyBound,

    /// <summary>The QQ is bound to another account; nothing changed.</summary>
    BoundToAnotherAccount,

    /// <summary>The account is bound to another QQ user; nothing changed (unbind that one first).</summary>
    AccountHasAnotherQq,
}
