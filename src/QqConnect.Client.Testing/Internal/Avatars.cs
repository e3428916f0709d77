using System.Net;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Generated SVG avatars: a coloured square with the nickname's first character.</summary>
internal static class Avatars
{
    public const string PathPrefix = "/qlogo/";

    /// <summary>The avatar URL of a user: <c>{base}qlogo/{kind}/{appid}/{openid}/{size}</c>, like QQ's qlogo.cn layout.</summary>
    public static string Url(Uri baseAddress, string kind, string appId, string openId, int size)
    {
        var root = baseAddress.AbsoluteUri;
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        return root + "qlogo/" + kind + "/" + appId + "/" + openId + "/" + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Svg(EmulatorUser user, int size)
    {
        var initial = user.Nickname.Length == 0
            ? "?"
            : char.IsSurrogatePair(user.Nickname, 0) ? user.Nickname[..2] : user.Nickname[..1];
        var px = Math.Clamp(size, 16, 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px + "\" height=\"" + px + "\" viewBox=\"0 0 100 100\">"
            + "<rect width=\"100\" height=\"100\" rx=\"12\" fill=\"" + WebUtility.HtmlEncode(user.AvatarColor) + "\"/>"
            + "<text x=\"50\" y=\"66\" font-size=\"48\" text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">"
            + WebUtility.HtmlEncode(initial) + "</text></svg>";
    }
}
