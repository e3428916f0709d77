using System.Text;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity;

/// <summary>
/// Identity's lookup normaliser with Unicode compatibility folding first (NFKC, then upper case): full-width
/// <c>ａｄｍｉｎ</c> and <c>admin</c> are one user name, so the second is refused as taken. Registered by
/// <c>AddQqConnectAccounts</c> in place of Identity's upper-case-only normaliser; an existing site whose user names
/// contain such characters re-saves those users once to update their normalised names.
/// </summary>
public sealed class NfkcLookupNormalizer : ILookupNormalizer
{
    /// <inheritdoc />
    public string? NormalizeName(string? name) => Normalize(name);

    /// <inheritdoc />
    public string? NormalizeEmail(string? email) => Normalize(email);

    private static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; the validators refuse such a name, lookups just find nothing.
            return text.ToUpperInvariant();
        }
    }
}
