using System.Text;
using QqConnect.Client.Internal;
using QqConnect.Client.Login.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// Creates and checks the <c>state</c> of QQ login (CSRF protection) without any server-side storage, so it works
/// across a web farm that shares only <see cref="QqLoginStateOptions.Key"/>, with or without a web framework.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Create(string?)"/> returns a <see cref="QqLoginState"/>: put its <see cref="QqLoginState.State"/> in the
/// authorize URL and its <see cref="QqLoginState.BrowserBinding"/> in an <c>HttpOnly</c>, <c>Secure</c>,
/// <c>SameSite=Lax</c> cookie. On the callback, pass the <c>state</c> parameter and the cookie to
/// <see cref="Validate(string?, string?)"/>; exchange the code only when the result is valid.
/// </para>
/// <para>
/// The state carries a random nonce, its expiry and the return URL, signed with HMAC-SHA256 together with a hash of
/// the browser binding. A state therefore validates only with the cookie of the browser that started the login, only
/// until it expires, and only unchanged.
/// </para>
/// <para>
/// States are stateless, so the protector cannot tell a state that was already used. Delete the cookie after a
/// successful validation: the state then cannot be used again in that browser. (QQ's code is single-use anyway.)
/// </para>
/// <para>Instances are immutable and safe to share between threads; register one as a singleton.</para>
/// </remarks>
public sealed class QqLoginStateProtector
{
    /// <summary>
    /// The longest return URL a state carries, in bytes once non-ASCII characters are percent-encoded; a longer one is
    /// dropped for <see cref="QqLoginStateOptions.DefaultReturnUrl"/>. It keeps every state within
    /// <see cref="MaxStateLength"/>: QQ refuses a state over 500 bytes with error 100010.
    /// </summary>
    public const int MaxReturnUrlBytes = 286;

    /// <summary>
    /// The longest state <see cref="Create(string?)"/> makes: 500 characters, all unreserved in a URL (so 500 bytes as
    /// sent), QQ's limit for <c>state</c>.
    /// </summary>
    public const int MaxStateLength = QqWire.MaxParameterBytes;

    private const byte Version = 1;
    private const int NonceSize = 16;
    private const int HeaderSize = 1 + 8 + NonceSize;
    private const int TagsSize = 2 * StateCrypto.HashSize;
    private const int MaxBindingLength = 256;
    private const int BindingSize = 32;

    // MaxStateLength is the base64url (no padding) length of the longest token: ((25 + 286 + 64) * 4 + 2) / 3 = 500.

    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _signatureKey;
    private readonly byte[] _bindingKey;
    private readonly TimeSpan _lifetime;
    private readonly string _defaultReturnUrl;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a protector.</summary>
    /// <param name="options">The key, the lifetime and the default return URL. The key is copied.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is missing or too short, the lifetime is out of range, or the default return URL is not a local path.</exception>
    public QqLoginStateProtector(QqLoginStateOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options, nameof(options));
        var key = options.Key;
        if (key is null || key.Length == 0)
        {
            throw new ArgumentException(
                Strings.LoginStateKeyMissing,
                nameof(options));
        }

        if (key.Length < QqLoginStateOptions.MinimumKeySize)
        {
            throw new ArgumentException(
                Messages.Format(Strings.LoginStateKeyTooShort, key.Length, QqLoginStateOptions.MinimumKeySize),
                nameof(options));
        }

        if (options.Lifetime <= TimeSpan.Zero || options.Lifetime > QqLoginStateOptions.MaximumLifetime)
        {
            throw new ArgumentException(
                Messages.Format(Strings.LoginStateLifetime, options.Lifetime, QqLoginStateOptions.MaximumLifetime),
                nameof(options));
        }

        if (!IsLocalReturnUrl(options.DefaultReturnUrl) || ReturnUrlEncoder.ToAscii(options.DefaultReturnUrl).Length > MaxReturnUrlBytes)
        {
            throw new ArgumentException(
                Messages.Format(Strings.LoginStateDefaultReturnUrl, MaxReturnUrlBytes),
                nameof(options));
        }

        // Separate keys for the two tags, derived from the one configured key.
        _signatureKey = StateCrypto.HmacSha256(key, Encoding.ASCII.GetBytes("QqConnect.Client login state v1: signature"));
        _bindingKey = StateCrypto.HmacSha256(key, Encoding.ASCII.GetBytes("QqConnect.Client login state v1: browser binding"));
        _lifetime = options.Lifetime;
        _defaultReturnUrl = ReturnUrlEncoder.ToAscii(options.DefaultReturnUrl);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Tells whether <paramref name="url"/> is a path on this site, safe to redirect to: it starts with a single
    /// <c>/</c> that is not followed by <c>/</c> or <c>\</c>, has no <c>\</c> and no control characters, and still
    /// does once percent-decoded (repeatedly: a proxy or a framework may decode it again). <c>/x</c> and
    /// <c>/x?y#z</c> are local; <c>//evil</c>, <c>/\evil</c>, <c>\\evil</c>, <c>http://evil</c>, <c>https:evil</c>,
    /// <c>javascript:…</c>, <c>/%2F%2Fevil</c>, <c>/%09/evil</c>, relative paths and empty text are not.
    /// </summary>
    /// <param name="url">The URL to check; may be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the URL is a local path.</returns>
    public static bool IsLocalReturnUrl(string? url)
    {
        if (url is null || !IsLocalShape(url))
        {
            return false;
        }

        // Each decoding pass makes the text shorter; a few undo any encoding a proxy might undo on its way.
        var decoded = url;
        for (var pass = 0; pass < 4 && decoded.IndexOfAny(Percent) >= 0; pass++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            if (!IsLocalShape(next))
            {
                return false;
            }

            decoded = next;
        }

        return true;
    }

    private static readonly char[] Percent = ['%'];

    private static bool IsLocalShape(string url)
    {
        if (url.Length == 0 || url[0] != '/')
        {
            return false;
        }

        // "//host" and "/\host" are protocol-relative URLs to another site in browsers.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];

            // Browsers drop tabs and line breaks from URLs ("/\t/evil" becomes "//evil"); reject every control
            // character. Browsers also read '\' as '/': none is kept.
            if (char.IsControl(c) || c == '\\')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= url.Length || !char.IsLowSurrogate(url[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="url"/> ready for a <c>Location</c> header when it is a local path
    /// (<see cref="IsLocalReturnUrl(string?)"/>): characters outside ASCII become the percent-escapes of their UTF-8
    /// bytes (<c>/订单/42</c> → <c>/%E8%AE%A2%E5%8D%95/42</c>), ASCII and existing escapes are kept as they are.
    /// </summary>
    /// <param name="url">The URL to check; may be <see langword="null"/> or untrusted.</param>
    /// <returns>The encoded local path, or <see langword="null"/> when <paramref name="url"/> is not a local path.</returns>
    public static string? ToLocalReturnUrl(string? url) => IsLocalReturnUrl(url) ? ReturnUrlEncoder.ToAscii(url!) : null;

    /// <summary>Creates a state for a new login in the current browser.</summary>
    /// <param name="returnUrl">
    /// Where to send the user after login. Used only when it is a local path (<see cref="IsLocalReturnUrl(string?)"/>)
    /// of at most <see cref="MaxReturnUrlBytes"/> bytes once its non-ASCII characters are percent-encoded (it is kept
    /// encoded, so that it is safe for a <c>Location</c> header: <c>/订单/42</c> comes back as
    /// <c>/%E8%AE%A2%E5%8D%95/42</c>); otherwise, or when <see langword="null"/>,
    /// <see cref="QqLoginStateOptions.DefaultReturnUrl"/> is used. Untrusted input (such as a query parameter) is fine.
    /// Whatever the return URL, the state is at most <see cref="MaxStateLength"/> (500) characters, QQ's limit.
    /// </param>
    /// <returns>The state for the authorize URL and the binding for the browser's cookie.</returns>
    public QqLoginState Create(string? returnUrl = null)
    {
        var encoded = returnUrl is not null && IsLocalReturnUrl(returnUrl) ? ReturnUrlEncoder.ToAscii(returnUrl) : null;
        var urlBytes = encoded is not null && encoded.Length <= MaxReturnUrlBytes ? Encoding.ASCII.GetBytes(encoded) : [];

        var expiresAt = _timeProvider.GetUtcNow() + _lifetime;
        var expiresAtMs = expiresAt.ToUnixTimeMilliseconds();

        var binding = new byte[BindingSize];
        StateCrypto.FillRandom(binding);
        var bindingText = Base64UrlCodec.Encode(binding);

        var token = new byte[HeaderSize + urlBytes.Length + TagsSize];
        token[0] = Version;
        WriteInt64BigEndian(token, 1, expiresAtMs);
        var nonce = new byte[NonceSize];
        StateCrypto.FillRandom(nonce);
        Buffer.BlockCopy(nonce, 0, token, 1 + 8, NonceSize);
        Buffer.BlockCopy(urlBytes, 0, token, HeaderSize, urlBytes.Length);

        var payloadLength = HeaderSize + urlBytes.Length;
        var payload = Slice(token, 0, payloadLength);
        var signatureTag = StateCrypto.HmacSha256(_signatureKey, payload);
        var bindingTag = BindingTag(payload, bindingText);
        Buffer.BlockCopy(signatureTag, 0, token, payloadLength, StateCrypto.HashSize);
        Buffer.BlockCopy(bindingTag, 0, token, payloadLength + StateCrypto.HashSize, StateCrypto.HashSize);

        return new QqLoginState(
            Base64UrlCodec.Encode(token),
            bindingText,
            DateTimeOffset.FromUnixTimeMilliseconds(expiresAtMs),
            urlBytes.Length == 0 ? _defaultReturnUrl : encoded!);
    }

    /// <summary>
    /// Checks the <c>state</c> of a callback against the browser binding from the cookie. Never throws: any input,
    /// however hostile, gives a result.
    /// </summary>
    /// <param name="state">The callback's <c>state</c> parameter, as received.</param>
    /// <param name="browserBinding">The value of the cookie set from <see cref="QqLoginState.BrowserBinding"/>.</param>
    /// <returns>
    /// Whether the state is valid, why not, and the return URL (a local path). After a valid result, delete the
    /// cookie so that the state cannot be used again in this browser.
    /// </returns>
    public QqStateValidationResult Validate(string? state, string? browserBinding)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(browserBinding))
        {
            return QqStateValidationResult.Fail(QqStateValidationFailure.Missing);
        }

        if (state!.Length > MaxStateLength
            || !Base64UrlCodec.TryDecode(state, out var token)
            || token.Length < HeaderSize + TagsSize
            || token.Length > HeaderSize + MaxReturnUrlBytes + TagsSize
            || token[0] != Version)
        {
            return QqStateValidationResult.Fail(QqStateValidationFailure.Malformed);
        }

        var payloadLength = token.Length - TagsSize;
        var payload = Slice(token, 0, payloadLength);
        var signatureTag = new ReadOnlySpan<byte>(token, payloadLength, StateCrypto.HashSize);
        if (!StateCrypto.FixedTimeEquals(StateCrypto.HmacSha256(_signatureKey, payload), signatureTag))
        {
            return QqStateValidationResult.Fail(QqStateValidationFailure.Tampered);
        }

        var bindingTag = new ReadOnlySpan<byte>(token, payloadLength + StateCrypto.HashSize, StateCrypto.HashSize);
        if (browserBinding!.Length > MaxBindingLength || !StateCrypto.FixedTimeEquals(BindingTag(payload, browserBinding), bindingTag))
        {
            return QqStateValidationResult.Fail(QqStateValidationFailure.BindingMismatch);
        }

        var expiresAtMs = ReadInt64BigEndian(token, 1);
        if (_timeProvider.GetUtcNow().ToUnixTimeMilliseconds() >= expiresAtMs)
        {
            return QqStateValidationResult.Fail(QqStateValidationFailure.Expired);
        }

        var returnUrl = payloadLength == HeaderSize ? null : LenientUtf8.GetString(token, HeaderSize, payloadLength - HeaderSize);
        return QqStateValidationResult.Valid(IsLocalReturnUrl(returnUrl) ? ReturnUrlEncoder.ToAscii(returnUrl!) : _defaultReturnUrl);
    }

    private byte[] BindingTag(byte[] payload, string browserBinding)
    {
        var bindingHash = StateCrypto.Sha256(Encoding.UTF8.GetBytes(browserBinding));
        var input = new byte[payload.Length + bindingHash.Length];
        Buffer.BlockCopy(payload, 0, input, 0, payload.Length);
        Buffer.BlockCopy(bindingHash, 0, input, payload.Length, bindingHash.Length);
        return StateCrypto.HmacSha256(_bindingKey, input);
    }

    private static byte[] Slice(byte[] source, int offset, int length)
    {
        var result = new byte[length];
        Buffer.BlockCopy(source, offset, result, 0, length);
        return result;
    }

    private static void WriteInt64BigEndian(byte[] buffer, int offset, long value)
    {
        for (var i = 7; i >= 0; i--)
        {
            buffer[offset + i] = (byte)value;
            value >>= 8;
        }
    }

    private static long ReadInt64BigEndian(byte[] buffer, int offset)
    {
        long value = 0;
        for (var i = 0; i < 8; i++)
        {
            value = (value << 8) | buffer[offset + i];
        }

        return value;
    }
}
