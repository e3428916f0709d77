namespace QqConnect.Client;

/// <summary>The style of QQ's authorize page.</summary>
public enum QqDisplay
{
    /// <summary>The PC page (no <c>display</c> parameter).</summary>
    Pc = 0,

    /// <summary>The mobile-styled page (<c>display=mobile</c>), for PC websites viewed on phones.</summary>
    Mobile = 1,
}
