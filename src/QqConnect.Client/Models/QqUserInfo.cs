using System.Text.Json;

namespace QqConnect.Client;

/// <summary>A user's profile: the answer of <c>/user/get_user_info</c>, typed.</summary>
/// <remarks>
/// <para>
/// A profile never says who the user is: the OpenID comes from the token answer (<see cref="QqAccessToken.OpenId"/>)
/// or <c>/oauth2.0/me</c> (<see cref="QqOpenId"/>), the UnionID from <c>/oauth2.0/me</c> only.
/// </para>
/// <para>
/// What QQ sends is bounded before it lands here, since a profile ends up in claims and cookies: text fields longer
/// than <see cref="MaxFieldLength"/> (512) characters are cut to that length, never inside a surrogate pair; a URL
/// field that is longer, or not an absolute <c>http://</c> or <c>https://</c> URL (<c>javascript:</c>,
/// <c>data:</c>, relative), is <see langword="null"/>; <see cref="AdditionalFields"/> keeps at most
/// <see cref="MaxAdditionalFields"/> (64) unknown fields, none longer than 512 characters and none named like an
/// identity (<see cref="IsIdentityFieldName"/>).
/// </para>
/// <para>
/// Since QQ's privacy reform (about 2022) the demographic fields — <see cref="Gender"/>, <see cref="GenderType"/>,
/// <see cref="Province"/>, <see cref="City"/>, <see cref="Year"/>, <see cref="Constellation"/> — may be
/// placeholders rather than the user's data (QQ's doc: "以下标红返回参数非真实数据"): show them, decide nothing on them.
/// </para>
/// </remarks>
public sealed class QqUserInfo
{
    internal static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>(0);

    /// <summary>
    /// The longest text or URL field kept, in UTF-16 characters: longer text is cut to this length, a longer URL is
    /// dropped, a longer unknown value is not kept.
    /// </summary>
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

    /// <summary>The Qzone nickname (<c>qzuser</c> is a placeholder seen for unapproved apps), at most <see cref="MaxFieldLength"/> characters.</summary>
    public string Nickname { get; }

    /// <summary><c>gender</c>: "男" or "女" ("男" when unknown), or <see langword="null"/> when absent. A placeholder since QQ's privacy reform.</summary>
    public string? Gender { get; init; }

    /// <summary><c>gender_type</c> (QQ's default is 2; unreliable), or <see langword="null"/> when absent. A placeholder since QQ's privacy reform.</summary>
    public int? GenderType { get; init; }

    /// <summary><c>province</c>; may be empty. A placeholder since QQ's privacy reform.</summary>
    public string? Province { get; init; }

    /// <summary><c>city</c>; may be empty. A placeholder since QQ's privacy reform.</summary>
    public string? City { get; init; }

    /// <summary><c>year</c> of birth, or <see langword="null"/> when absent, empty or not a number. A placeholder since QQ's privacy reform.</summary>
    public int? Year { get; init; }

    /// <summary><c>constellation</c>; may be empty. A placeholder since QQ's privacy reform.</summary>
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

    /// <summary>
    /// The largest QQ avatar present: <see cref="FigureUrlQq"/> (640 px), then <see cref="FigureUrlQq2"/> (100 px),
    /// then <see cref="FigureUrlQq1"/> (40 px). Always an absolute http or https URL, or <see langword="null"/>.
    /// </summary>
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

    /// <summary>
    /// Fields of the answer that this type does not map, by name, as sent: at most <see cref="MaxAdditionalFields"/>,
    /// none longer than <see cref="MaxFieldLength"/> characters (a string by its length, anything else by its JSON
    /// text), none named like an identity, an app or a secret (<see cref="IsIdentityFieldName"/>).
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; init; } = NoFields;

    /// <inheritdoc />
    public override string ToString() =>
        $"QqUserInfo {{ Nickname = {Nickname}, Gender = {Gender}, Province = {Province}, City = {City}, Year = {Year}, AvatarUrl = {AvatarUrl} }}";

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
