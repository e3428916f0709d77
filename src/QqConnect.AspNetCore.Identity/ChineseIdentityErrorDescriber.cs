using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// Identity's error messages in Simplified Chinese (zh-CN), for the whole site:
/// <c>.AddErrorDescriber&lt;ChineseIdentityErrorDescriber&gt;()</c> on the Identity builder. The codes stay Identity's.
/// </summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "发生未知错误。");

    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被其他操作修改，请重试。");

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码错误。");

    /// <inheritdoc />
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "令牌无效或已过期。");

    /// <inheritdoc />
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效。");

    /// <inheritdoc />
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "该外部登录已绑定其他账号。");

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), Format("用户名“{0}”无效：含有不允许的字符。", userName));

    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Format("电子邮箱“{0}”无效。", email));

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), Format("用户名“{0}”已被使用。", userName));

    /// <inheritdoc />
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Format("电子邮箱“{0}”已被使用。", email));

    /// <inheritdoc />
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), Format("角色名“{0}”无效。", role));

    /// <inheritdoc />
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), Format("角色名“{0}”已被使用。", role));

    /// <inheritdoc />
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账号已设置密码。");

    /// <inheritdoc />
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账号未启用锁定功能。");

    /// <inheritdoc />
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), Format("用户已属于角色“{0}”。", role));

    /// <inheritdoc />
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), Format("用户不属于角色“{0}”。", role));

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Format("密码至少需要 {0} 个字符。", length));

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), Format("密码至少需要 {0} 个不同的字符。", uniqueChars));

    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "密码至少需要一个字母和数字以外的字符。");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码至少需要一个数字（0-9）。");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码至少需要一个小写字母（a-z）。");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码至少需要一个大写字母（A-Z）。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static string Format(string format, object? value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
