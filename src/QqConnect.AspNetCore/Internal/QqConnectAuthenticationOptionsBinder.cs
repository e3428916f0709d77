using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using QqConnect.AspNetCore.Resources;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// Reads <see cref="QqConnectAuthenticationOptions"/> from a configuration section without reflection, so binding is
/// safe under trimming and NativeAOT (the configuration binder's source generator cannot set the getter-only
/// <see cref="QqConnectAuthenticationOptions.Scopes"/> or a <see cref="PathString"/>, and its errors do not say what a
/// key expects). Keys are the property names; a missing key keeps the current value. A malformed value throws an
/// <see cref="InvalidOperationException"/> naming the key (never its value) and what it expects.
/// </summary>
internal static class QqConnectAuthenticationOptionsBinder
{
    public static void Bind(IConfiguration section, QqConnectAuthenticationOptions options)
    {
        var path = section is IConfigurationSection named ? named.Path : string.Empty;
        options.ConfigurationPath = path;

        options.AppId = section[nameof(QqConnectAuthenticationOptions.AppId)] ?? options.AppId;
        options.AppKey = section[nameof(QqConnectAuthenticationOptions.AppKey)] ?? options.AppKey;

        if (section[nameof(QqConnectAuthenticationOptions.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri
                : throw Invalid(path, nameof(QqConnectAuthenticationOptions.BaseAddress), "an absolute http or https URL, such as https://graph.qq.com/");
        }

        if (ReadList(section, nameof(QqConnectAuthenticationOptions.Scopes)) is { } scopes)
        {
            options.Scopes.Clear();
            foreach (var scope in scopes)
            {
                options.Scopes.Add(scope);
            }
        }

        if (section[nameof(QqConnectAuthenticationOptions.Display)] is { Length: > 0 } display)
        {
            options.Display = display.Trim().ToUpperInvariant() switch
            {
                "PC" => QqDisplay.Pc,
                "MOBILE" => QqDisplay.Mobile,
                _ => throw Invalid(path, nameof(QqConnectAuthenticationOptions.Display), Strings.ExpectedPcOrMobile),
            };
        }

        options.RequestUnionId = ReadBool(section, path, nameof(QqConnectAuthenticationOptions.RequestUnionId), options.RequestUnionId);
        options.UseUnionIdAsNameIdentifier = ReadBool(section, path, nameof(QqConnectAuthenticationOptions.UseUnionIdAsNameIdentifier), options.UseUnionIdAsNameIdentifier);
        options.SaveTokens = ReadBool(section, path, nameof(QqConnectAuthenticationOptions.SaveTokens), options.SaveTokens);

        if (section[nameof(QqConnectAuthenticationOptions.CallbackPath)] is { Length: > 0 } callbackPath)
        {
            options.CallbackPath = callbackPath.StartsWith('/') && !callbackPath.Contains('?', StringComparison.Ordinal) && !callbackPath.Contains('#', StringComparison.Ordinal)
                ? new PathString(callbackPath)
                : throw Invalid(path, nameof(QqConnectAuthenticationOptions.CallbackPath), Strings.ExpectedCallbackPath);
        }
    }

    /// <summary>The name of a setting in messages: the configuration key when bound from one, else the property.</summary>
    public static string KeyOf(string? configurationPath, string property) => configurationPath switch
    {
        null => "QqConnectAuthenticationOptions." + property,
        "" => property,
        _ => configurationPath + ":" + property,
    };

    // A list is either an array section (Key:0, Key:1) or one comma-separated value.
    private static List<string>? ReadList(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        if (list.Value is { Length: > 0 } text)
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        var items = list.GetChildren().Select(child => child.Value).OfType<string>().ToList();
        return items.Count > 0 ? items : null;
    }

    private static bool ReadBool(IConfiguration section, string path, string key, bool current) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value) ? value : throw Invalid(path, key, Strings.ExpectedTrueOrFalse)
            : current;

    private static InvalidOperationException Invalid(string path, string key, string expected) =>
        new(Messages.Format(Strings.ConfigurationValueInvalid, KeyOf(path, key), expected));
}
