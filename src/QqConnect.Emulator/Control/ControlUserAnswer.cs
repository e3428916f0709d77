using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Control;

/// <summary>
/// A user as the control API shows it: its index on the authorize page, its profile, its OpenID per app id and
/// its UnionID per app id of the apps holding the UnionID permission.
/// </summary>
internal sealed record ControlUserAnswer(
    int Index,
    string Key,
    string Nickname,
    string Gender,
    int GenderType,
    string Province,
    string City,
    string Year,
    string Constellation,
    EmulatorAvatarPresence LargeQqAvatar,
    int Vip,
    int Level,
    int IsYellowVip,
    int YellowVipLevel,
    int IsYellowYearVip,
    string AvatarColor,
    IReadOnlyDictionary<string, string> OpenIds,
    IReadOnlyDictionary<string, string> UnionIds)
{
    /// <summary>The answer for user <paramref name="index"/> of <paramref name="emulator"/>.</summary>
    public static ControlUserAnswer Of(QqConnectEmulator emulator, int index, EmulatorUser user)
    {
        var openIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var unionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in emulator.Apps)
        {
            openIds[app.AppId] = emulator.GetOpenId(app.AppId, index);
            if (app.UnionIdGranted)
            {
                unionIds[app.AppId] = emulator.GetUnionId(app.AppId, index);
            }
        }

        return new ControlUserAnswer(
            index, user.Key, user.Nickname, user.Gender, user.GenderType, user.Province, user.City, user.Year, user.Constellation,
            user.LargeQqAvatar, user.Vip, user.Level, user.IsYellowVip, user.YellowVipLevel, user.IsYellowYearVip, user.AvatarColor,
            openIds, unionIds);
    }
}
