using System.Collections.ObjectModel;

namespace QqConnect.Client.Testing;

/// <summary>
/// Configuration of a <see cref="QqConnectEmulator"/>. A new instance already holds the default apps
/// (<see cref="DefaultAppId"/> and <see cref="UnionIdAppId"/>) and three default users; clear or add to
/// <see cref="Apps"/> and <see cref="Users"/> as needed.
/// </summary>
public sealed class QqConnectEmulatorOptions
{
    /// <summary>The APP ID of the default app, usable with zero configuration.</summary>
    public const string DefaultAppId = "100000001";

    /// <summary>The APP Key of the default app. A fake, published on purpose: never a real secret.</summary>
    public const string DefaultAppKey = "emulator-app-key-0123456789abcdef";

    /// <summary>The APP ID of the second default app, which holds the UnionID permission.</summary>
    public const string UnionIdAppId = "100000002";

    /// <summary>The APP Key of the UnionID app. A fake, published on purpose.</summary>
    public const string UnionIdAppKey = "emulator-app-key-fedcba9876543210";

    // The longest lifetime taken: 2,147,483,647 seconds (about 68 years), what the tool's seconds options take.
    private static readonly TimeSpan MaximumLifetime = TimeSpan.FromSeconds(int.MaxValue);

    private TimeSpan _codeLifetime = TimeSpan.FromMinutes(10);
    private TimeSpan _accessTokenLifetime = TimeSpan.FromSeconds(7_776_000);
    private TimeSpan _refreshTokenLifetime = TimeSpan.FromDays(180);

    /// <summary>The registered apps. Starts with the two default apps.</summary>
    public Collection<EmulatorApp> Apps { get; } =
    [
        new EmulatorApp(DefaultAppId, DefaultAppKey, "localhost", "127.0.0.1") { Name = "Emulator demo app" },
        new EmulatorApp(UnionIdAppId, UnionIdAppKey, "localhost", "127.0.0.1") { Name = "Emulator UnionID app", UnionIdGranted = true },
    ];

    /// <summary>The fake users offered on the authorize page, by index. Starts with three default users.</summary>
    public Collection<EmulatorUser> Users { get; } =
    [
        new EmulatorUser("user-0", "小明")
        {
            Gender = "男", GenderType = 1, Province = "广东", City = "深圳", Year = "1990", Constellation = "摩羯座",
            AvatarColor = "#12B7F5",
        },
        new EmulatorUser("user-1", "小红")
        {
            Gender = "女", GenderType = 2, Province = "", City = "", Year = "1995", Constellation = "",
            LargeQqAvatar = EmulatorAvatarPresence.Missing, Vip = 1, Level = 7, IsYellowVip = 1, YellowVipLevel = 3,
            IsYellowYearVip = 1, AvatarColor = "#F5576C",
        },
        new EmulatorUser("user-2", "企鹅🐧 \"Tester\"")
        {
            Gender = "男", GenderType = 2, Province = "北京", City = "海淀", Year = "", Constellation = "",
            LargeQqAvatar = EmulatorAvatarPresence.Empty, AvatarColor = "#43B244",
        },
    ];

    /// <summary>How long an authorization code stays redeemable. QQ: 10 minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above 2,147,483,647 seconds.</exception>
    public TimeSpan CodeLifetime
    {
        get => _codeLifetime;
        set => _codeLifetime = Lifetime(value, nameof(CodeLifetime));
    }

    /// <summary>
    /// Access token lifetime, returned as <c>expires_in</c>. Default 7,776,000 s (90 days, what QQ's older docs
    /// say; its current doc says 60 days, 5,184,000 s): clients must use the returned value either way.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above 2,147,483,647 seconds.</exception>
    public TimeSpan AccessTokenLifetime
    {
        get => _accessTokenLifetime;
        set => _accessTokenLifetime = Lifetime(value, nameof(AccessTokenLifetime));
    }

    /// <summary>
    /// How long after the user's login the chain of refresh tokens stays usable (QQ's older doc says about 6 months,
    /// its current doc about 3).
    /// Default 180 days.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above 2,147,483,647 seconds.</exception>
    public TimeSpan RefreshTokenLifetime
    {
        get => _refreshTokenLifetime;
        set => _refreshTokenLifetime = Lifetime(value, nameof(RefreshTokenLifetime));
    }

    /// <summary>
    /// How many authorization codes, access tokens and refresh tokens (each) the emulator remembers per app and user;
    /// past it, the oldest is forgotten and answered as never issued (QQ documents no such limit; the emulator has one so
    /// that a long load test keeps its memory flat). Codes are also forgotten once expired, refresh tokens once their
    /// login's refresh window closes, access tokens when their login's refresh window closes (or when they expire, if later). Default 100; at least 1.
    /// </summary>
    public int IssuedPerUserLimit { get; set; } = 100;

    /// <summary>
    /// When true, token answers carry no <c>refresh_token</c>, as older QQ answers did. Default false.
    /// </summary>
    public bool OmitRefreshToken { get; set; }

    /// <summary>
    /// When true, error callbacks use the legacy <c>code</c> + <c>msg</c> parameters instead of
    /// <c>error</c> + <c>error_description</c>. Default false.
    /// </summary>
    public bool UseLegacyCallbackErrors { get; set; }

    /// <summary>
    /// Whether the authorize page refuses a request without <c>state</c> (with 100029, the emulator's choice of
    /// code). Default true: QQ's docs require <c>state</c>. Set false for clients that never send one; the
    /// callback then carries no <c>state</c> parameter.
    /// </summary>
    public bool RequireState { get; set; } = true;

    /// <summary>The error code sent to the callback when the user presses "deny". Default 100030.</summary>
    public int DenyErrorCode { get; set; } = 100030;

    /// <summary>The error description sent to the callback when the user presses "deny".</summary>
    public string DenyErrorDescription { get; set; } = "user denied the authorization";

    /// <summary>
    /// Base address of the avatar URLs in <c>get_user_info</c> answers. Null (the default) uses the
    /// address the request was sent to, so the emulator serves its own avatars under <c>/qlogo/</c>.
    /// </summary>
    public Uri? AvatarBaseAddress { get; set; }

    /// <summary>
    /// The clock on which injected fault delays and trickled bodies run. Null (the default) means real
    /// time (<see cref="TimeProvider.System"/>), even when the emulator's own clock is a fake.
    /// </summary>
    public TimeProvider? FaultTimeProvider { get; set; }

    private static TimeSpan Lifetime(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaximumLifetime, name);
        return value;
    }
}
