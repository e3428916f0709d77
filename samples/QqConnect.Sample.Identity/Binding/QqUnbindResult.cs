namespace QqConnect.Sample.Identity.Binding;

/// <summary>The outcome of <see cref="QqAccountBinder{TUser, TContext}.UnbindAsync"/>.</summary>
public enum QqUnbindResult
{
    /// <summary>The QQ binding (its OpenID and UnionID rows) was removed.</summary>
    Unbound,

    /// <summary>The account has no QQ binding.</summary>
    NotBound,

    /// <summary>Refused: QQ is the only way to sign in to the account (no password, no other login); nothing changed.</summary>
    OnlyWayToSignIn,
}
