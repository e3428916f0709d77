using System.Text.Json;

namespace QqConnect.Client;

/// <summary>A user's profile: the answer of <c>/user/get_user_info</c>, typed.</summary>
public sealed class QqUserInfo
{
    internal static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>(0);

    /// <summary>The longest text or URL field kept, in UTF-16 characters.</summary>
    public const int MaxFieldLength = 512;

    /// <summary>The most unknown fields kept in <see cref="AdditionalFields"/>.</summary>
    public const int MaxAdditionalFields = 64;

    // Who the user is comes from /oauth2.0/me (or the token answer), never from the profile: a get_user_info answer
    // carrying one of these names must not be able to change the user, the app, or a token.
    private static readonly HashSet<string> IdentityFieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "openid", "open_id", "unionid", "union_id", "client_id", "clientid", "appid", "app_id", "oauth_consumer_key",
        "access_token", "refresh_token", "client_secret", "appkey", "app_key", "id", "uid", "user_id", "userid", "sub",
    };

    /// <summary>
    /// Whether <paramref name="name"/> (in any case) names an identity, an app or a secret: <c>openid</c>,
    /// <c>unionid</c>, <c>client_id</c>, <c>appid</c>, <c>oauth_consumer_key</c>, <c>access_token</c>,
    /// <c>refresh_token</c>, <c>client_secret</c>, <c>id</c>, <c>uid</c>, <c>user_id</c>, <c>sub</c> and their
    /// spelling variants. A get_user_info field of such a name is never kept in <see cref="AdditionalFields"/>, and
    /// the ASP.NET Core handler never writes one from the profile.
    /// </summary>
    /// <param name="name">A field name.</param>
    /// <returns><see langword="true"/> for a reserved name.</returns>
    public static bool IsIdentityFieldName(string name) => name is not null && IdentityFieldNames.Contains(name);

    /// <summary>Creates a profile. Applications normally get one from <see cref="IQqConnectClient.GetUserInfoAsync"/>.</summary>
    /// <param name="nickname">The Qzone nickname.</param>
    public QqUserInfo(string nickname)
    {
        Nickname = nickname ?? throw new ArgumentNullException(nameof(nickname));
    }

    /// <summary>The Qzone nickname (<c>qzuser</c> is a placeholder seen for unapproved apps).</summary>
    public string Nickname { get; }

    /// <summary><c>gender</c>: "男" or "女" ("男" when unknown), or <see langword="null"/> when absent.</summary>
    public string? Gender { get; init; }

    /// <summary><c>gender_type</c> (QQ's default is 2; unreliable), or <see langword="null"/> when absent.</summary>
    public int? GenderType { get; init; }

    /// <summary><c>province</c>; may be empty.</summary>
    public string? Province { get; init; }

    /// <summary><c>city</c>; may be empty.</summary>
    public string? City { get; init; }

    /// <summary><c>year</c> of birth, or <see langword="null"/> when absent, empty or not a number.</summary>
    public int? Year { get; init; }

    /// <summary><c>constellation</c>; may be empty.</summary>
    public string? Constellation { get; init; }

    /// <summary><c>figureurl</c>: the 30×30 Qzone avatar.</summary>
    public string? FigureUrl { get; init; }

    /// <summary><c>figureurl_1</c>: the 50×50 Qzone avatar.</summary>
    public string? FigureUrl1 { get; init; }

    /// <summary><c>figureurl_2</c>: the 100×100 Qzone avatar.</summary>
    public string? FigureUrl2 { get; init; }

    /// <summary><c>figureurl_qq_1</c>: the 40×40 QQ avatar (always present in real answers).</summary>
    public string? FigureUrlQq1 { get; init; }

    /// <summary><c>figureurl_qq_2</c>: the 100×100 QQ avatar (not every user has one).</summary>
    public string? FigureUrlQq2 { get; init; }

    /// <summary><c>figureurl_qq</c>: the 640×640 QQ avatar (undocumented, present in real answers).</summary>
    public string? FigureUrlQq { get; init; }

    /// <summary><c>figureurl_type</c>, sent as a string.</summary>
    public int? FigureUrlType { get; init; }

    /// <summary>The largest QQ avatar present: <see cref="FigureUrlQq"/>, then <see cref="FigureUrlQq2"/>, then <see cref="FigureUrlQq1"/>.</summary>
    public string? AvatarUrl =>
        NonEmpty(FigureUrlQq) ?? NonEmpty(FigureUrlQq2) ?? NonEmpty(FigureUrlQq1);

    /// <summary><c>is_lost</c> = 1: some data was lost; do not cache this answer.</summary>
    public bool IsLost { get; init; }

    /// <summary><c>vip</c>: whether the user is a QQ VIP.</summary>
    public bool IsVip { get; init; }

    /// <summary><c>level</c>: the VIP level.</summary>
    public int Level { get; init; }

    /// <summary><c>is_yellow_vip</c>: whether the user is a yellow-diamond VIP.</summary>
    public bool IsYellowVip { get; init; }

    /// <summary><c>yellow_vip_level</c>: the yellow-diamond level.</summary>
    public int YellowVipLevel { get; init; }

    /// <summary><c>is_yellow_year_vip</c>: whether the user is a yearly yellow-diamond VIP.</summary>
    public bool IsYellowYearVip { get; init; }

    /// <summary>Fields of the answer that this type does not map, by name, as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; init; } = NoFields;

    /// <inheritdoc />
    public override string ToString() =>
        $"QqUserInfo {{ Nickname = {Nickname}, Gender = {Gender}, Province = {Province}, City = {City}, Year = {Year}, AvatarUrl = {AvatarUrl} }}";

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
