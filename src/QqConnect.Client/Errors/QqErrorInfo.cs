using System.Globalization;
using QqConnect.Client.Resources;

namespace QqConnect.Client;

/// <summary>
/// What a QQ Connect error code means and what to do about it. Immutable. <see cref="Meaning"/> and
/// <see cref="Advice"/> are read, when asked, in the language of <see cref="CultureInfo.CurrentUICulture"/>
/// (English, or Chinese for zh-Hans cultures such as zh-CN), unless the description was made for one language with
/// <see cref="QqErrorCodes.GetInfo(int, CultureInfo)"/>; <see cref="GetMeaning(CultureInfo)"/> and
/// <see cref="GetAdvice(CultureInfo)"/> ask for a language explicitly.
/// </summary>
public sealed class QqErrorInfo
{
    private readonly string _meaningKey;
    private readonly string _adviceKey;

    internal QqErrorInfo(int code, string meaningKey, QqErrorAction action, string adviceKey, CultureInfo? culture = null)
    {
        Code = code;
        _meaningKey = meaningKey;
        Action = action;
        _adviceKey = adviceKey;
        Culture = culture;
    }

    /// <summary>The error code.</summary>
    public int Code { get; }

    /// <summary>
    /// What the code means, in plain words, in the language of <see cref="Culture"/>, or of
    /// <see cref="CultureInfo.CurrentUICulture"/> when <see cref="Culture"/> is <see langword="null"/>.
    /// </summary>
    public string Meaning => GetMeaning(Culture);

    /// <summary>The kind of action that fixes it.</summary>
    public QqErrorAction Action { get; }

    /// <summary>
    /// What to do, in plain words, in the language of <see cref="Culture"/>, or of
    /// <see cref="CultureInfo.CurrentUICulture"/> when <see cref="Culture"/> is <see langword="null"/>.
    /// </summary>
    public string Advice => GetAdvice(Culture);

    /// <summary>
    /// The culture <see cref="Meaning"/> and <see cref="Advice"/> are read in, or <see langword="null"/> when they follow
    /// <see cref="CultureInfo.CurrentUICulture"/> (the descriptions of <see cref="QqErrorCodes.Find(int)"/> and
    /// <see cref="QqErrorCodes.All"/>).
    /// </summary>
    public CultureInfo? Culture { get; }

    /// <summary>What the code means, in the language of <paramref name="culture"/>.</summary>
    /// <param name="culture">
    /// The language: zh-Hans cultures (zh-CN, zh-SG, zh-Hans) read Chinese, every other culture English (also
    /// <see cref="CultureInfo.InvariantCulture"/>); <see langword="null"/> for <see cref="CultureInfo.CurrentUICulture"/>.
    /// </param>
    /// <returns>The meaning.</returns>
    public string GetMeaning(CultureInfo? culture) => Strings.ResourceManager.GetString(_meaningKey, culture)!;

    /// <summary>What to do, in the language of <paramref name="culture"/>.</summary>
    /// <param name="culture">
    /// The language, as for <see cref="GetMeaning(CultureInfo)"/>; <see langword="null"/> for <see cref="CultureInfo.CurrentUICulture"/>.
    /// </param>
    /// <returns>The advice.</returns>
    public string GetAdvice(CultureInfo? culture) => Strings.ResourceManager.GetString(_adviceKey, culture)!;

    /// <summary>The same description, with <see cref="Meaning"/> and <see cref="Advice"/> always read in <paramref name="culture"/>.</summary>
    /// <param name="culture">The language; <see langword="null"/> to follow <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>A description for that language (this one when it already is).</returns>
    public QqErrorInfo WithCulture(CultureInfo? culture) =>
        Equals(culture, Culture) ? this : new QqErrorInfo(Code, _meaningKey, Action, _adviceKey, culture);

    /// <summary>The code, its meaning and the advice, in the language of <see cref="Meaning"/>.</summary>
    /// <returns>For example "100020: the code was already used. Codes are single-use: …".</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Strings.ResourceManager.GetString(nameof(Strings.ErrorInfo), Culture)!, Code, Meaning, Advice);
}
