namespace QqConnect.AspNetCore;

/// <summary>
/// Claim types added by the QQ handler besides <c>ClaimTypes.NameIdentifier</c>, <c>ClaimTypes.Name</c> and
/// <c>ClaimTypes.Gender</c>. The <c>urn:qq:*</c> types are those of aspnet-contrib's QQ provider; the
/// <c>urn:qqconnect:*</c> types are this package's own.
/// </summary>
public static class QqConnectClaimTypes
{
    /// <summary>The UnionID (<c>urn:qq:unionid</c>), present when asked for and granted.</summary>
    public const string UnionId = "urn:qq:unionid";

    /// <summary>The 30×30 Qzone picture, <c>figureurl</c> (<c>urn:qq:picture</c>).</summary>
    public const string Picture = "urn:qq:picture";

    /// <summary>The 50×50 Qzone picture, <c>figureurl_1</c> (<c>urn:qq:picture_medium</c>).</summary>
    public const string PictureMedium = "urn:qq:picture_medium";

    /// <summary>The 100×100 Qzone picture, <c>figureurl_2</c> (<c>urn:qq:picture_full</c>).</summary>
    public const string PictureFull = "urn:qq:picture_full";

    /// <summary>The 40×40 QQ avatar, <c>figureurl_qq_1</c> (<c>urn:qq:avatar</c>).</summary>
    public const string Avatar = "urn:qq:avatar";

    /// <summary>The 100×100 QQ avatar, <c>figureurl_qq_2</c> (<c>urn:qq:avatar_full</c>).</summary>
    public const string AvatarFull = "urn:qq:avatar_full";

    /// <summary>The largest QQ avatar present, <c>QqUserInfo.AvatarUrl</c> (<c>urn:qqconnect:avatar_url</c>).</summary>
    public const string AvatarUrl = "urn:qqconnect:avatar_url";

    /// <summary>The province (<c>urn:qqconnect:province</c>).</summary>
    public const string Province = "urn:qqconnect:province";

    /// <summary>The city (<c>urn:qqconnect:city</c>).</summary>
    public const string City = "urn:qqconnect:city";

    /// <summary>The year of birth (<c>urn:qqconnect:year</c>).</summary>
    public const string Year = "urn:qqconnect:year";
}
