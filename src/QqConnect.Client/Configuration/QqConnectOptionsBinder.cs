using System.Globalization;
using Microsoft.Extensions.Configuration;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Configuration;

/// <summary>
/// Reads <see cref="QqConnectOptions"/> from a configuration section without reflection, so binding is
/// safe under trimming and NativeAOT. Keys are the property names; missing keys keep their defaults.
/// </summary>
internal static class QqConnectOptionsBinder
{
    public static void Bind(IConfiguration section, QqConnectOptions options)
    {
        options.AppId = section[nameof(QqConnectOptions.AppId)] ?? options.AppId;
        options.AppKey = section[nameof(QqConnectOptions.AppKey)] ?? options.AppKey;
        options.RedirectUri = section[nameof(QqConnectOptions.RedirectUri)] ?? options.RedirectUri;
        if (section[nameof(QqConnectOptions.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(nameof(QqConnectOptions.BaseAddress), Strings.ExpectedAbsoluteUrl);
        }

        options.Scopes = ReadList(section, nameof(QqConnectOptions.Scopes)) ?? options.Scopes;
        options.AcceptedAppIds = ReadList(section, nameof(QqConnectOptions.AcceptedAppIds)) ?? options.AcceptedAppIds;

        options.RequestUnionId = ReadBool(section, nameof(QqConnectOptions.RequestUnionId), options.RequestUnionId);
        options.UseJsonFormat = ReadBool(section, nameof(QqConnectOptions.UseJsonFormat), options.UseJsonFormat);
        options.MaxResponseBodySize = ReadInt(section, nameof(QqConnectOptions.MaxResponseBodySize), options.MaxResponseBodySize);
        BindResilience(section.GetSection(nameof(QqConnectOptions.Resilience)), options.Resilience ??= new QqConnectResilienceOptions());
    }

    // A list is either an array section (Key:0, Key:1) or one comma-separated value.
    private static List<string>? ReadList(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        if (list.Value is { Length: > 0 } text)
        {
            return text.Split([','], StringSplitOptions.RemoveEmptyEntries).Select(item => item.Trim()).ToList();
        }

        var items = list.GetChildren().Select(child => child.Value).OfType<string>().ToList();
        return items.Count > 0 ? items : null;
    }

    private static void BindResilience(IConfiguration section, QqConnectResilienceOptions resilience)
    {
        resilience.Enabled = ReadBool(section, nameof(QqConnectResilienceOptions.Enabled), resilience.Enabled);
        resilience.AttemptTimeout = ReadTimeSpan(section, nameof(QqConnectResilienceOptions.AttemptTimeout), resilience.AttemptTimeout);
        resilience.TotalTimeout = ReadTimeSpan(section, nameof(QqConnectResilienceOptions.TotalTimeout), resilience.TotalTimeout);
        resilience.RetryBaseDelay = ReadTimeSpan(section, nameof(QqConnectResilienceOptions.RetryBaseDelay), resilience.RetryBaseDelay);
        resilience.MaxRetryAttempts = ReadInt(section, nameof(QqConnectResilienceOptions.MaxRetryAttempts), resilience.MaxRetryAttempts);
    }

    private static TimeSpan ReadTimeSpan(IConfiguration section, string key, TimeSpan current) =>
        section[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(key, Strings.ExpectedTimeSpan)
            : current;

    private static int ReadInt(IConfiguration section, string key, int current) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(key, Strings.ExpectedWholeNumber)
            : current;

    private static bool ReadBool(IConfiguration section, string key, bool current) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value) ? value : throw Invalid(key, Strings.ExpectedTrueOrFalse)
            : current;

    private static InvalidOperationException Invalid(string key, string expected) =>
        new(Messages.Format(Strings.ConfigurationValueInvalid, key, expected));
}
