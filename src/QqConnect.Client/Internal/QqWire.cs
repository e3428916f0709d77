namespace QqConnect.Client.Internal;

/// <summary>
/// What QQ Connect's wire fixes, in one place for the client: the paths of its endpoints and its 500-byte limit on a
/// <c>state</c> or <c>redirect_uri</c> (QQ refuses a longer one with error 100010; QQ's FAQ:
/// "callback或者state需保持在500字节以内"). The SDK counts a value as it sends it, percent-encoded with
/// <see cref="Uri.EscapeDataString(string)"/> (ASCII, so characters are bytes): that is what the request carries, and
/// never less than the value's raw UTF-8 bytes, so a value within the limit passes either reading of QQ's rule.
/// The emulator (QqConnect.Client.Testing) keeps its own reading of the protocol on purpose and does not use this.
/// </summary>
internal static class QqWire
{
    /// <summary>QQ's limit in bytes on a <c>state</c> or <c>redirect_uri</c> (also <see cref="QqLoginStateProtector.MaxStateLength"/>).</summary>
    public const int MaxParameterBytes = 500;

    /// <summary>The browser's authorize page, relative to the base address.</summary>
    public const string AuthorizePath = "oauth2.0/authorize";

    /// <summary>The code exchange and refresh endpoint.</summary>
    public const string TokenPath = "oauth2.0/token";

    /// <summary>The endpoint that names a token's app and user.</summary>
    public const string MePath = "oauth2.0/me";

    /// <summary>The profile endpoint.</summary>
    public const string UserInfoPath = "user/get_user_info";

    /// <summary>The value's length in bytes as it travels in the query string.</summary>
    public static int BytesAsSent(string value) => Uri.EscapeDataString(value).Length;

    /// <summary>Why <paramref name="value"/> is too long for QQ, or <see langword="null"/> when it fits.</summary>
    public static string? LengthProblem(string value, string what)
    {
        var bytes = BytesAsSent(value);
        return bytes <= MaxParameterBytes
            ? null
            : $"The {what} is {bytes} bytes as sent (percent-encoded); QQ refuses a {what} over {MaxParameterBytes} bytes with error 100010 (redirect uri is illegal).";
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming QQ's limit when <paramref name="value"/> is too long.</summary>
    public static void CheckLength(string value, string what, string parameterName)
    {
        if (LengthProblem(value, what) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }
}
