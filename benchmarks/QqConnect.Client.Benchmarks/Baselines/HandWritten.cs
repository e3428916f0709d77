using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Web;

namespace QqConnect.Client.Benchmarks.Baselines;

/// <summary>
/// The parsing code people write by hand for QQ's answers. Every method starts from the raw bytes (what the
/// SDK gets) and, like <c>ReadAsStringAsync</c>, decodes them to a string first when it works on strings.
/// </summary>
public static class HandWritten
{
    /// <summary>The tutorial code: split on '&amp;', then on '=', no URL-decoding.</summary>
    public static TokenValues NaiveSplitForm(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var fields = new Dictionary<string, string>();
        foreach (var pair in text.Split('&'))
        {
            var parts = pair.Split('=');
            fields[parts[0]] = parts[1];
        }

        fields.TryGetValue("refresh_token", out var refresh);
        return new TokenValues(fields["access_token"], long.Parse(fields["expires_in"], CultureInfo.InvariantCulture), refresh);
    }

    /// <summary><c>HttpUtility.ParseQueryString</c> (URL-decodes).</summary>
    public static TokenValues HttpUtilityForm(byte[] body)
    {
        var query = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body));
        var accessToken = query["access_token"] ?? throw new InvalidOperationException("no access_token");
        return new TokenValues(accessToken, long.Parse(query["expires_in"]!, CultureInfo.InvariantCulture), query["refresh_token"]);
    }

    /// <summary>Token JSON through a <see cref="JsonDocument"/>.</summary>
    public static TokenValues JsonDocumentToken(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"QQ error {error}");
        }

        var expires = root.GetProperty("expires_in");
        var seconds = expires.ValueKind == JsonValueKind.String ? long.Parse(expires.GetString()!, CultureInfo.InvariantCulture) : expires.GetInt64();
        return new TokenValues(root.GetProperty("access_token").GetString()!, seconds, root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    /// <summary>The tutorial code for /me: cut between <c>callback(</c> and <c>)</c>, then a <see cref="JsonDocument"/>.</summary>
    public static OpenIdValues JsonpSubstringJsonDocument(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var start = text.IndexOf('(', StringComparison.Ordinal);
        var end = text.LastIndexOf(')');
        var json = start >= 0 && end > start ? text.Substring(start + 1, end - start - 1) : text;
        return OpenIdFromDocument(json);
    }

    /// <summary>The same cut, then <c>JsonSerializer.Deserialize</c> (source-generated).</summary>
    public static OpenIdValues JsonpSubstringDeserialize(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var start = text.IndexOf('(', StringComparison.Ordinal);
        var end = text.LastIndexOf(')');
        var json = start >= 0 && end > start ? text.Substring(start + 1, end - start - 1) : text;
        return JsonSerializer.Deserialize(json, QqJsonContext.Default.OpenIdDto)!.ToValues();
    }

    public static OpenIdValues OpenIdFromDocument(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OpenIdFromElement(document.RootElement);
    }

    public static OpenIdValues OpenIdFromDocument(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return OpenIdFromElement(document.RootElement);
    }

    private static OpenIdValues OpenIdFromElement(JsonElement root)
    {
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"QQ error {error}");
        }

        return new OpenIdValues(root.GetProperty("client_id").GetString()!, root.GetProperty("openid").GetString()!);
    }

    /// <summary>get_user_info through a <see cref="JsonDocument"/>, with numbers sent as strings.</summary>
    public static UserValues JsonDocumentUser(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (Int(root, "ret") is { } ret && ret != 0)
        {
            throw new InvalidOperationException($"QQ error {ret}");
        }

        return new UserValues(
            Str(root, "nickname")!, Str(root, "gender"), Int(root, "gender_type"), Str(root, "province"), Str(root, "city"), Int(root, "year"),
            Str(root, "constellation"), Str(root, "figureurl"), Str(root, "figureurl_1"), Str(root, "figureurl_2"), Str(root, "figureurl_qq_1"),
            Str(root, "figureurl_qq_2"), Str(root, "figureurl_qq"), Int(root, "figureurl_type"), Int(root, "is_lost") is > 0, Int(root, "vip") is > 0,
            Int(root, "level") ?? 0, Int(root, "is_yellow_vip") is > 0, Int(root, "yellow_vip_level") ?? 0, Int(root, "is_yellow_year_vip") is > 0);

        static string? Str(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

        static int? Int(JsonElement root, string name) =>
            !root.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.Number ? value.GetInt32()
            : int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
