namespace QqConnect.Client.Testing;

/// <summary>How an optional avatar field (<c>figureurl_qq_2</c>) appears in <c>get_user_info</c> answers.</summary>
public enum EmulatorAvatarPresence
{
    /// <summary>The field carries a URL.</summary>
    Present,

    /// <summary>The field is present with an empty string.</summary>
    Empty,

    /// <summary>The field is left out of the answer.</summary>
    Missing,
}
