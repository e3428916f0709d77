using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>Applies <see cref="UserNameRules"/> to every account created or renamed, beside Identity's own validator.</summary>
internal sealed class QqUserNameValidator<TUser>(UserNameRules rules) : IUserValidator<TUser>
    where TUser : class
{
    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var name = await manager.GetUserNameAsync(user).ConfigureAwait(false) ?? "";
        return rules.Problem(name) switch
        {
            null => IdentityResult.Success,
            "TooLong" => IdentityResult.Failed(new IdentityError
            {
                Code = "UserNameTooLong",
                Description = string.Format(CultureInfo.InvariantCulture,
                    "用户名太长（最多 {0} 个字符）。 The user name is too long (at most {0} characters).", rules.MaxLength),
            }),
            _ => IdentityResult.Failed(manager.ErrorDescriber.InvalidUserName(Printable(name))),
        };
    }

    // The refused name goes into the message; its invisible characters are shown as U+XXXX, and a long one is cut.
    private static string Printable(string name)
    {
        var shown = new System.Text.StringBuilder();
        foreach (var c in name.Length > 80 ? name[..80] : name)
        {
            shown.Append(DisplayText.IsHidden(char.GetUnicodeCategory(c)) || char.IsSurrogate(c) || (char.IsWhiteSpace(c) && c != ' ')
                ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                : c.ToString());
        }

        return name.Length > 80 ? shown + "…" : shown.ToString();
    }
}
