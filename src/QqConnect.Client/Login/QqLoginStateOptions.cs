using QqConnect.Client.Internal;
using QqConnect.Client.Login.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// Settings of <see cref="QqLoginStateProtector"/>: the secret key that signs login states, how long a
/// state lives, and where to send the user when a state carries no usable return URL.
/// </summary>
/// <remarks>
/// Every server of a web farm must use the same <see cref="Key"/>; no other shared state is needed.
/// The key is a secret like the app key: keep it in a secret store, never in source control or logs.
/// </remarks>
public sealed class QqLoginStateOptions
{
    /// <summary>The shortest key accepted, in bytes (256 bits).</summary>
    public const int MinimumKeySize = 32;

    /// <summary>The longest <see cref="Lifetime"/> accepted.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// The secret key that signs states: at least <see cref="MinimumKeySize"/> random bytes, the same on every
    /// server. Create one once with <see cref="GenerateKey"/>. <see cref="QqLoginStateProtector"/> copies it,
    /// so later changes to this array do not affect a protector already created.
    /// </summary>
    public byte[]? Key { get; set; }

    /// <summary>
    /// How long a state stays valid after <see cref="QqLoginStateProtector.Create(string?)"/>; 10 minutes by
    /// default, the lifetime of QQ's own authorization code. Must be positive and at most <see cref="MaximumLifetime"/>.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where to send the user after login when the requested return URL is missing or is not a local path
    /// (see <see cref="QqLoginStateProtector.IsLocalReturnUrl(string?)"/>); <c>"/"</c> by default. Must itself be a local path.
    /// </summary>
    public string DefaultReturnUrl { get; set; } = "/";

    /// <summary>Sets <see cref="Key"/> from its base64 form (as kept in configuration or a secret store).</summary>
    /// <param name="base64Key">The key in standard base64 (base64url is accepted too).</param>
    /// <exception cref="ArgumentNullException"><paramref name="base64Key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text is not base64, or the key is shorter than <see cref="MinimumKeySize"/> bytes.</exception>
    public void SetKeyFromBase64(string base64Key)
    {
        Guard.NotNull(base64Key, nameof(base64Key));
        var text = base64Key.Trim().Replace('-', '+').Replace('_', '/');
        if (text.IndexOf('=') < 0 && text.Length % 4 != 0)
        {
            text = text.PadRight(text.Length + (4 - (text.Length % 4)), '=');
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            // The value is a secret: the message must not repeat it, and the original exception is dropped for the same reason.
            throw new ArgumentException(Strings.LoginStateKeyNotBase64, nameof(base64Key));
        }

        if (key.Length < MinimumKeySize)
        {
            throw new ArgumentException(
                Messages.Format(Strings.LoginStateKeyBytesTooShort, key.Length, MinimumKeySize),
                nameof(base64Key));
        }

        Key = key;
    }

    /// <summary>Creates a new random key of <see cref="MinimumKeySize"/> bytes, to be stored once and shared by every server.</summary>
    /// <returns>A new key; <see cref="Convert.ToBase64String(byte[])"/> gives its text form for configuration.</returns>
    public static byte[] GenerateKey()
    {
        var key = new byte[MinimumKeySize];
        StateCrypto.FillRandom(key);
        return key;
    }
}
