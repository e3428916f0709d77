namespace QqConnect.Client;

/// <summary>The outcome of <see cref="QqLoginStateProtector.Validate(string?, string?)"/>.</summary>
public sealed class QqStateValidationResult
{
    private QqStateValidationResult(QqStateValidationFailure failure, string? returnUrl)
    {
        Failure = failure;
        ReturnUrl = returnUrl;
    }

    /// <summary>Whether the state is genuine, belongs to this browser and has not expired.</summary>
    public bool IsValid => Failure == QqStateValidationFailure.None;

    /// <summary>Why the state was rejected, or <see cref="QqStateValidationFailure.None"/>.</summary>
    public QqStateValidationFailure Failure { get; }

    /// <summary>
    /// Where to send the user after login: a local path, or <see cref="QqLoginStateOptions.DefaultReturnUrl"/>.
    /// <see langword="null"/> when the state is not valid (nothing in a rejected state is trusted).
    /// </summary>
    public string? ReturnUrl { get; }

    internal static QqStateValidationResult Valid(string returnUrl) => new(QqStateValidationFailure.None, returnUrl);

    internal static QqStateValidationResult Fail(QqStateValidationFailure failure) => new(failure, returnUrl: null);

    /// <summary>Describes the outcome.</summary>
    /// <returns>"Valid" with the return URL, or the failure.</returns>
    public override string ToString() => IsValid ? $"Valid (return to {ReturnUrl})" : $"Invalid: {Failure}";
}
