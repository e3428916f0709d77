namespace QqConnect.Client;

/// <summary>What a QQ Connect error code means and what to do about it.</summary>
public sealed class QqErrorInfo
{
    internal QqErrorInfo(int code, string meaning, QqErrorAction action, string advice)
    {
        Code = code;
        Meaning = meaning;
        Action = action;
        Advice = advice;
    }

    /// <summary>The error code.</summary>
    public int Code { get; }

    /// <summary>What the code means, in plain words.</summary>
    public string Meaning { get; }

    /// <summary>The kind of action that fixes it.</summary>
    public QqErrorAction Action { get; }

    /// <summary>What to do, in plain words.</summary>
    public string Advice { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Meaning}. {Advice}";
}
