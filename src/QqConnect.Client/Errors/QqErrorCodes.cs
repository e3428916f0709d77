using System.Globalization;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// The QQ Connect error codes the SDK knows, with their meaning and what to do, in English or Chinese
/// (<see cref="CultureInfo.CurrentUICulture"/>, or the culture given to <see cref="GetInfo(int, CultureInfo)"/>).
/// </summary>
public static class QqErrorCodes
{
    /// <summary>The code was already exchanged: codes are single-use. Send the user to log in again.</summary>
    public const int CodeReused = 100020;

    /// <summary>
    /// The redirect_uri is refused: not under a registered domain, different between the two steps, over 500 bytes
    /// (or the state is), or missing. The error new users hit most; see its <see cref="QqErrorInfo.Advice"/>.
    /// </summary>
    public const int RedirectUriInvalid = 100010;

    /// <summary>QQ's older code for a refused redirect_uri; the same causes as <see cref="RedirectUriInvalid"/>.</summary>
    public const int RedirectUriInvalidLegacy = 21006;

    /// <summary>The app has no UnionID permission (asked for with <see cref="QqConnectOptions.RequestUnionId"/>).</summary>
    public const int NoUnionIdPermission = 100048;

    // Each code's meaning and advice are resources (Resources/Strings.resx, Chinese in Strings.zh-Hans.resx), read
    // when asked: the table holds their names.
    private static readonly Dictionary<int, QqErrorInfo> Known = Build(
        (100000, nameof(Strings.ErrorMeaning_100000), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100001, nameof(Strings.ErrorMeaning_100001), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_100001)),
        (100002, nameof(Strings.ErrorMeaning_100002), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_100002)),
        (100003, nameof(Strings.ErrorMeaning_100003), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100004, nameof(Strings.ErrorMeaning_100004), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100005, nameof(Strings.ErrorMeaning_100005), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_100005)),
        (100006, nameof(Strings.ErrorMeaning_100006), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_100006)),
        (100007, nameof(Strings.ErrorMeaning_100007), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_100007)),
        (100008, nameof(Strings.ErrorMeaning_100008), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_100008)),
        (100009, nameof(Strings.ErrorMeaning_100009), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_100009)),
        (100010, nameof(Strings.ErrorMeaning_100010), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_RedirectUri)),
        (100011, nameof(Strings.ErrorMeaning_100011), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_100011)),
        (100012, nameof(Strings.ErrorMeaning_100012), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100013, nameof(Strings.ErrorMeaning_100013), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (100014, nameof(Strings.ErrorMeaning_100014), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_RefreshOrRelogin)),
        (100015, nameof(Strings.ErrorMeaning_100015), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (100016, nameof(Strings.ErrorMeaning_100016), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (100017, nameof(Strings.ErrorMeaning_100017), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100018, nameof(Strings.ErrorMeaning_100018), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (100019, nameof(Strings.ErrorMeaning_100019), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_100019)),
        (100020, nameof(Strings.ErrorMeaning_100020), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_100020)),
        (100021, nameof(Strings.ErrorMeaning_100021), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_100021)),
        (100022, nameof(Strings.ErrorMeaning_100022), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (100023, nameof(Strings.ErrorMeaning_100023), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100024, nameof(Strings.ErrorMeaning_100024), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100025, nameof(Strings.ErrorMeaning_100025), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100026, nameof(Strings.ErrorMeaning_100026), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100027, nameof(Strings.ErrorMeaning_100027), QqErrorAction.RetryLater, nameof(Strings.ErrorAdvice_RetryLater)),
        (100028, nameof(Strings.ErrorMeaning_100028), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100029, nameof(Strings.ErrorMeaning_100029), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckRequest)),
        (100030, nameof(Strings.ErrorMeaning_100030), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_100030)),
        (100031, nameof(Strings.ErrorMeaning_100031), QqErrorAction.ApplyForPermission, nameof(Strings.ErrorAdvice_100031)),
        (100048, nameof(Strings.ErrorMeaning_100048), QqErrorAction.ApplyForPermission, nameof(Strings.ErrorAdvice_100048)),
        (100070, nameof(Strings.ErrorMeaning_100070), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_100070)),
        (-1, nameof(Strings.ErrorMeaning_Minus1), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckOpenId)),
        (-22, nameof(Strings.ErrorMeaning_Minus22), QqErrorAction.FixRequest, nameof(Strings.ErrorAdvice_CheckOpenId)),
        (-23, nameof(Strings.ErrorMeaning_Minus23), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_Relogin)),
        (1002, nameof(Strings.ErrorMeaning_1002), QqErrorAction.Relogin, nameof(Strings.ErrorAdvice_RefreshOrRelogin)),
        (21006, nameof(Strings.ErrorMeaning_21006), QqErrorAction.FixConfiguration, nameof(Strings.ErrorAdvice_RedirectUri)));

    /// <summary>Every known code, in ascending order.</summary>
    public static IReadOnlyCollection<QqErrorInfo> All { get; } = Known.Values.OrderBy(info => info.Code).ToArray();

    /// <summary>Finds what a code means.</summary>
    /// <param name="code">A QQ error code.</param>
    /// <returns>The description, or <see langword="null"/> for a code the SDK does not know.</returns>
    /// <remarks>Its <see cref="QqErrorInfo.Meaning"/> and <see cref="QqErrorInfo.Advice"/> follow <see cref="CultureInfo.CurrentUICulture"/> when read.</remarks>
    public static QqErrorInfo? Find(int code) => Known.TryGetValue(code, out var info) ? info : null;

    /// <summary>Finds what a code means, in one language whatever the current UI culture (for logs kept in one language).</summary>
    /// <param name="code">A QQ error code.</param>
    /// <param name="culture">
    /// The language of <see cref="QqErrorInfo.Meaning"/> and <see cref="QqErrorInfo.Advice"/>: zh-Hans cultures (zh-CN,
    /// zh-SG, zh-Hans) read Chinese, every other culture English (<see cref="CultureInfo.InvariantCulture"/> too);
    /// <see langword="null"/> follows <see cref="CultureInfo.CurrentUICulture"/>, as <see cref="Find(int)"/>.
    /// </param>
    /// <returns>The description, or <see langword="null"/> for a code the SDK does not know.</returns>
    public static QqErrorInfo? GetInfo(int code, CultureInfo? culture) => Find(code)?.WithCulture(culture);

    private static Dictionary<int, QqErrorInfo> Build(params (int Code, string MeaningKey, QqErrorAction Action, string AdviceKey)[] rows)
    {
        var table = new Dictionary<int, QqErrorInfo>(rows.Length);
        foreach (var (code, meaningKey, action, adviceKey) in rows)
        {
            table.Add(code, new QqErrorInfo(code, meaningKey, action, adviceKey));
        }

        return table;
    }
}
