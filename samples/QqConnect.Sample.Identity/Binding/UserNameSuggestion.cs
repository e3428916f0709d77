using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.Sample.Identity.Binding;

/// <summary>A free user name from a QQ nickname: its letters and digits (Chinese included), then 2, 3, … when taken.</summary>
public static class UserNameSuggestion
{
    /// <summary>The longest name suggested, before the number.</summary>
    public const int MaxBaseLength = 20;

    /// <summary>The name used when the nickname has no letter or digit (say, only emoji).</summary>
    public const string Fallback = "qq用户";

    /// <summary>The nickname reduced to letters, digits, '-', '_' and '.'.</summary>
    /// <param name="nickname">The QQ nickname.</param>
    /// <returns>The base name.</returns>
    public static string BaseName(string? nickname)
    {
        var name = new StringBuilder();
        foreach (var rune in (nickname ?? "").EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var keep = Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.';
            if (keep && category != UnicodeCategory.OtherSymbol && name.Length + rune.Utf16SequenceLength <= MaxBaseLength)
            {
                name.Append(rune.ToString());
            }
        }

        return name.Length == 0 ? Fallback : name.ToString();
    }

    /// <summary>The first of <c>name</c>, <c>name2</c>, <c>name3</c>, … that no account uses.</summary>
    /// <typeparam name="TUser">The Identity user type.</typeparam>
    /// <param name="users">Identity's user manager.</param>
    /// <param name="nickname">The QQ nickname.</param>
    /// <returns>The suggestion (the database's unique index still decides at creation).</returns>
    public static async Task<string> SuggestAsync<TUser>(UserManager<TUser> users, string? nickname)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(users);
        var baseName = BaseName(nickname);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? baseName : baseName + n.ToString(CultureInfo.InvariantCulture);
            if (await users.FindByNameAsync(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
