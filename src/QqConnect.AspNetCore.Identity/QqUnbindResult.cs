namespace QqConnect.AspNetCore.Identity;

/// <summary>The outcome of <see cref="IQqAccountBinder{TUser}.UnbindQqAsync"/>.</summary>
public enum QqUnbindResult
{
    /// <summary>Every QQ login of the account (all QQ schemes), its UnionID, profile and saved QQ tokens were removed.</summary>
    Unbound,

    /// <summary>The account has no QQ binding.</summary>
    NotBound,

    /// <summary>Refused: QQ is the only way to sign in to the account (no password, no other login); nothing changed.</summary>
    OnlyWayToSignIn,
}
