using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Identity.Internal;

/// <summary>
/// What a user name may hold, for every account of the site: no control, format (zero-width, bidi override),
/// separator-line, private-use, unassigned or lone-surrogate characters, no white space other than inner spaces,
/// at most <see cref="QqConnectAccountsOptions.MaxUserNameLength"/>; look-alikes (<c>ａｄｍｉｎ</c> and <c>admin</c>)
/// are one name through <see cref="NfkcLookupNormalizer"/>. Names suggested from QQ nicknames follow the same rules
/// and the site's <c>User.AllowedUserNameCharacters</c>.
/// </summary>
internal sealed class UserNameRules(IOptions<QqConnectAccountsOptions> options, IOptions<IdentityOptions> identity)
{
    /// <summary>The longest name suggested from a nickname, before the number.</summary>
    public const int MaxSuggestionBaseLength = 20;

    /// <summary>The suggestion for a nickname with nothing usable, where Chinese user names are allowed.</summary>
    public const string Fallback = "qq用户";

    /// <summary>The suggestion for a nickname with nothing usable, where names are limited to some characters.</summary>
    public const string AsciiFallback = "qquser";

    // Tried before a random suffix: a site with thousands of accounts named after one nickname still gets an answer.
    private const int MaxNumberedSuggestions = 100;

    public int MaxLength => options.Value.MaxUserNameLength;

    /// <summary>Why <paramref name="name"/> is refused, or <see langword="null"/> when it is allowed.</summary>
    public string? Problem(string name)
    {
        if (name.Length > MaxLength)
        {
            return "TooLong";
        }

        if (name.Length > 0 && (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])))
        {
            return "Invalid";
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogate(name[i]))
            {
                if (!char.IsSurrogatePair(name, i))
                {
                    return "Invalid";
                }

                if (!Allowed(Rune.GetUnicodeCategory(Rune.GetRuneAt(name, i))))
                {
                    return "Invalid";
                }

                i++;
                continue;
            }

            if ((char.IsWhiteSpace(name[i]) && name[i] != ' ') || !Allowed(char.GetUnicodeCategory(name[i])))
            {
                return "Invalid";
            }
        }

        return null;
    }

    private static bool Allowed(UnicodeCategory category) =>
        !DisplayText.IsHidden(category) && category is not (UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate);

    /// <summary>The nickname reduced to letters, digits, '-', '_' and '.', NFKC-normalised and allowed by the site.</summary>
    public string BaseName(string? nickname)
    {
        var allowed = identity.Value.User.AllowedUserNameCharacters;
        var name = new StringBuilder();
        foreach (var rune in SafeNormalize(nickname ?? "").EnumerateRunes())
        {
            var text = rune.ToString();
            var keep = (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.')
                && Rune.GetUnicodeCategory(rune) != UnicodeCategory.OtherSymbol
                && Allowed(Rune.GetUnicodeCategory(rune))
                && (string.IsNullOrEmpty(allowed) || text.All(allowed.Contains));
            if (keep && name.Length + text.Length <= Math.Min(MaxSuggestionBaseLength, MaxLength - 4))
            {
                name.Append(text);
            }
        }

        if (name.Length > 0)
        {
            return name.ToString();
        }

        return string.IsNullOrEmpty(allowed) || Fallback.All(allowed.Contains) ? Fallback : AsciiFallback;
    }

    /// <summary>The first of <c>name</c>, <c>name2</c>, <c>name3</c>, … that no account uses.</summary>
    public async Task<string> SuggestAsync<TUser>(UserManager<TUser> users, string? nickname, CancellationToken cancellationToken)
        where TUser : class
    {
        var baseName = BaseName(nickname);
        for (var n = 1; n <= MaxNumberedSuggestions; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = n == 1 ? baseName : baseName + n.ToString(CultureInfo.InvariantCulture);
            if (await users.FindByNameAsync(candidate).ConfigureAwait(false) is null)
            {
                return candidate;
            }
        }

        return baseName + Random.Shared.Next(1000, 10_000_000).ToString(CultureInfo.InvariantCulture);
    }

    // Normalize throws on a lone surrogate; such a nickname keeps only what can be normalised.
    private static string SafeNormalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var clean = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                if (rune != Rune.ReplacementChar)
                {
                    clean.Append(rune.ToString());
                }
            }

            return clean.ToString().Normalize(NormalizationForm.FormKC);
        }
    }
}
