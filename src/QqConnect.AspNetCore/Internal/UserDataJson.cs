using System.Buffers;
using System.Text.Json;

namespace QqConnect.AspNetCore.Internal;

/// <summary>
/// Writes the typed answers of <c>/oauth2.0/me</c> and <c>get_user_info</c> as one JSON object with QQ's own field
/// names, so that <c>ClaimActions</c> (<c>MapJsonKey</c>, <c>MapCustomJson</c>) work as with other handlers.
/// Nothing is parsed here: the client has already read QQ's answers. The profile's unknown fields follow, except those
/// named like a field written here or like an identity (<see cref="QqUserInfo.IsIdentityFieldName"/>), so no claim
/// mapping can take the user's ids, or a checked value, from the profile.
/// </summary>
/// <remarks>
/// The object is written into a buffer and writer kept per thread (reset for each login), then read once into a
/// <see cref="JsonElement"/> that owns a copy of its bytes: it needs no disposal and stays valid after the login,
/// so the same element serves the claim actions and <c>OnCreatingTicket</c>.
/// </remarks>
internal static class UserDataJson
{
    // Every name Create writes from the typed answers, in any case.
    private static readonly HashSet<string> WrittenNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "openid", "client_id", "unionid", "nickname", "gender", "gender_type", "province", "city", "year", "constellation",
        "figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "figureurl_qq", "avatar_url",
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static JsonElement Create(QqOpenId openId, QqUserInfo user)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
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
                // A later duplicate wins in MapJsonKey: an unknown field never shadows a value written above, and
                // never names an identity or an app (who the user is comes from /me or the token answer only).
                if (WrittenNames.Contains(field.Key) || QqUserInfo.IsIdentityFieldName(field.Key))
                {
                    continue;
                }

                writer.WritePropertyName(field.Key);
                field.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.Flush();
            var reader = new Utf8JsonReader(buffer.WrittenSpan);
            return JsonElement.ParseValue(ref reader);
        }
        finally
        {
            // Nothing of this login stays in the thread's buffer (names, URLs), and an oversized one is dropped.
            buffer.Clear();
            if (buffer.Capacity > 16 * 1024)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
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
