using System.Globalization;

namespace QqConnect.Client.Tests.Infrastructure;

/// <summary>
/// Sets <see cref="CultureInfo.CurrentUICulture"/> for the rest of a test and puts the previous one back on dispose.
/// The culture is per thread and flows with async calls, so a test that sets it inside its own body touches no
/// other test running in parallel.
/// </summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;

    /// <summary>Whether <paramref name="text"/> has a CJK ideograph (Chinese text).</summary>
    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
