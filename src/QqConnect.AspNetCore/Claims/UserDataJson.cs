using System.Text.Json;

namespace QqConnect.AspNetCore.Claims;

/// <summary>
/// Writes the typed answers of <c>/oauth2.0/me</c> and <c>get_user_info</c> as one JSON object with QQ's own field
/// names, so that <c>ClaimActions</c> (<c>MapJsonKey</c>, <c>MapCustomJson</c>) work as with other handlers.
/// Nothing is parsed here: the client has already read QQ's answers.
/// </summary>
internal static class UserDataJson
{
    public static JsonDocument Create(QqOpenId openId, QqUserInfo user)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("openid", openId.OpenId);
            writer.WriteString("client_id", openId.ClientId);
            WriteIfPresent(writer, "unionid", openId.UnionId);
            writer.WriteString("nickname", user.Nickname);
            WriteIfPresent(writer, "gender", user.Gender);
            WriteIfPresent(writer, "gender_type", user.GenderType);
            WriteIfPresent(writer, "province", user.Province);
            WriteIfPresent(writer, "city", user.City);
            WriteIfPresent(writer, "year", user.Year);
            WriteIfPresent(writer, "constellation", user.Constellation);
            WriteIfPresent(writer, "figureurl", user.FigureUrl);
            WriteIfPresent(writer, "figureurl_1", user.FigureUrl1);
            WriteIfPresent(writer, "figureurl_2", user.FigureUrl2);
            WriteIfPresent(writer, "figureurl_qq_1", user.FigureUrlQq1);
            WriteIfPresent(writer, "figureurl_qq_2", user.FigureUrlQq2);
            WriteIfPresent(writer, "figureurl_qq", user.FigureUrlQq);
            WriteIfPresent(writer, "avatar_url", user.AvatarUrl);
            foreach (var field in user.AdditionalFields)
            {
                writer.WritePropertyName(field.Key);
                field.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
