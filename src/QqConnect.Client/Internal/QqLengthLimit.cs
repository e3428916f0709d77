namespace QqConnect.Client.Internal;

/// <summary>
/// QQ's length limit: a <c>state</c> or <c>redirect_uri</c> over 500 bytes is refused with error 100010 (QQ's FAQ:
/// "callback或者state需保持在500字节以内"). The SDK counts a value as it sends it, percent-encoded with
/// <see cref="Uri.EscapeDataString(string)"/> (ASCII, so characters are bytes): that is what the request carries, and
/// never less than the value's raw UTF-8 bytes, so a value within the limit passes either reading of QQ's rule.
/// </summary>
internal static class QqLengthLimit
{
    /// <summary>QQ's limit in bytes.</summary>
    public const int MaxBytes = 500;

    /// <summary>The value's length in bytes as it travels in the query string.</summary>
    public static int BytesAsSent(string value) => Uri.EscapeDataString(value).Length;

    /// <summary>Why <paramref name="value"/> is too long for QQ, or <see langword="null"/> when it fits.</summary>
    public static string? Problem(string value, string what)
    {
        var bytes = BytesAsSent(value);
        return bytes <= MaxBytes
            ? null
            : $"The {what} is {bytes} bytes as sent (percent-encoded); QQ refuses a {what} over {MaxBytes} bytes with error 100010 (redirect uri is illegal).";
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming QQ's limit when <paramref name="value"/> is too long.</summary>
    public static void Check(string value, string what, string parameterName)
    {
        if (Problem(value, what) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }
}
