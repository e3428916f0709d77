namespace QqConnect.Client.Testing.Internal;

/// <summary>
/// QQ's length limit: a <c>state</c> or <c>redirect_uri</c> over 500 bytes is refused with 100010. The emulator
/// measures a value as it travels in the request: percent-encoded as RFC 3986 unreserved-only
/// (<see cref="Uri.EscapeDataString(string)"/>), which is ASCII, so characters are bytes. That is never less than
/// the value's raw UTF-8 byte count, so a value that passes here passes either reading of QQ's rule.
/// The client has its own copy of this limit (QqConnect.Client's Internal/QqWire.cs) on purpose: the emulator is an
/// independent reading of the protocol and uses nothing of the client, so a misreading in one shows up as a failing
/// test against the other.
/// </summary>
internal static class LengthLimit
{
    public const int MaxBytes = 500;

    public static bool Exceeds(string value) => Uri.EscapeDataString(value).Length > MaxBytes;
}
