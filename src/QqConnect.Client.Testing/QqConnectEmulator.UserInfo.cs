using System.Globalization;
using System.Text;
using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary><c>GET /user/get_user_info</c>: the user's profile, pretty-printed as QQ sends it.</summary>
public sealed partial class QqConnectEmulator
{
    private EmulatorResponse UserInfo(IReadOnlyDictionary<string, string> query, Uri baseAddress)
    {
        if (Get(query, "oauth_consumer_key") is not { } consumerKey)
        {
            return Answers.RetError(QqErrors.RetInvalidParameter, QqErrors.MsgInvalidConsumerKey);
        }

        var error = CheckAccessToken(query, out var token);
        if (error == QqErrors.AccessTokenExpired)
        {
            return Answers.RetError(QqErrors.RetTokenExpired, QqErrors.MsgTokenExpired);
        }

        if (error != 0)
        {
            return Answers.RetError(QqErrors.RetNotLoggedIn, QqErrors.MsgNotLoggedIn);
        }

        if (!string.Equals(consumerKey, token!.App.AppId, StringComparison.Ordinal))
        {
            return Answers.RetError(QqErrors.RetInvalidParameter, QqErrors.MsgInvalidConsumerKey);
        }

        if (Get(query, "openid") is not { } openId || !Ids.LooksLikeOpenId(openId))
        {
            return Answers.RetError(QqErrors.RetInvalidParameter, QqErrors.MsgInvalidOpenId);
        }

        var expected = Ids.OpenId(token.App.AppId, token.User.Key);
        if (!string.Equals(openId, expected, StringComparison.Ordinal))
        {
            return Answers.RetError(QqErrors.RetOpenIdInvalid, QqErrors.MsgOpenIdNotMatching);
        }

        return Answers.Text(RenderUserInfo(token.App, CurrentProfile(token.User), expected, _avatarBaseAddress ?? baseAddress));
    }

    private static string RenderUserInfo(EmulatorApp app, EmulatorUser user, string openId, Uri avatarBase)
    {
        string Qzone(int size) => Avatars.Url(avatarBase, "qzapp", app.AppId, openId, size);
        string Qq(int size) => Avatars.Url(avatarBase, "qqapp", app.AppId, openId, size);
        static string Number(int value) => Json.Quote(value.ToString(CultureInfo.InvariantCulture));

        // Real answers are tab-indented, with "is_lost":0 lacking the space and slashes escaped.
        var fields = new List<string>
        {
            "\"ret\": 0",
            "\"msg\": \"\"",
            "\"is_lost\":0",
            "\"nickname\": " + Json.Quote(user.Nickname, true),
            "\"gender\": " + Json.Quote(user.Gender, true),
            "\"gender_type\": " + user.GenderType.ToString(CultureInfo.InvariantCulture),
            "\"province\": " + Json.Quote(user.Province, true),
            "\"city\": " + Json.Quote(user.City, true),
            "\"year\": " + Json.Quote(user.Year, true),
            "\"constellation\": " + Json.Quote(user.Constellation, true),
            "\"figureurl\": " + Json.Quote(Qzone(30), true),
            "\"figureurl_1\": " + Json.Quote(Qzone(50), true),
            "\"figureurl_2\": " + Json.Quote(Qzone(100), true),
            "\"figureurl_qq_1\": " + Json.Quote(Qq(40), true),
        };
        switch (user.LargeQqAvatar)
        {
            case EmulatorAvatarPresence.Present:
                fields.Add("\"figureurl_qq_2\": " + Json.Quote(Qq(100), true));
                break;
            case EmulatorAvatarPresence.Empty:
                fields.Add("\"figureurl_qq_2\": \"\"");
                break;
            default:
                break;
        }

        fields.Add("\"figureurl_qq\": " + Json.Quote(Qq(640), true));
        fields.Add("\"figureurl_type\": \"1\"");
        fields.Add("\"is_yellow_vip\": " + Number(user.IsYellowVip));
        fields.Add("\"vip\": " + Number(user.Vip));
        fields.Add("\"yellow_vip_level\": " + Number(user.YellowVipLevel));
        fields.Add("\"level\": " + Number(user.Level));
        fields.Add("\"is_yellow_year_vip\": " + Number(user.IsYellowYearVip));

        var builder = new StringBuilder("{\n");
        for (var i = 0; i < fields.Count; i++)
        {
            builder.Append('\t').Append(fields[i]).Append(i + 1 < fields.Count ? ",\n" : "\n");
        }

        return builder.Append('}').ToString();
    }
}
