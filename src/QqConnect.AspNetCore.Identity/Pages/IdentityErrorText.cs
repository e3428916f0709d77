using Microsoft.AspNetCore.Identity;
using QqConnect.AspNetCore.Identity.Internal;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>
/// Identity's errors on the pages in Chinese then English: the text of <see cref="ChineseIdentityErrorDescriber"/>
/// and of Identity's own describer for the error's code, whichever describer the site uses.
/// </summary>
internal static class IdentityErrorText
{
    private static readonly ChineseIdentityErrorDescriber Chinese = new();
    private static readonly IdentityErrorDescriber English = new();

    /// <summary>The lines of <paramref name="errors"/>; <paramref name="userName"/> is the name the errors are about.</summary>
    public static IEnumerable<string> Lines(IEnumerable<IdentityError> errors, string userName) =>
        errors.Select(error => Line(error, userName)).Distinct(StringComparer.Ordinal);

    private static string Line(IdentityError error, string userName)
    {
        var pair = error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) => (Chinese.DuplicateUserName(userName), English.DuplicateUserName(userName)),
            nameof(IdentityErrorDescriber.InvalidUserName) => (Chinese.InvalidUserName(DisplayText.Clean(userName)), English.InvalidUserName(DisplayText.Clean(userName))),
            nameof(IdentityErrorDescriber.LoginAlreadyAssociated) => (Chinese.LoginAlreadyAssociated(), English.LoginAlreadyAssociated()),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => (Chinese.ConcurrencyFailure(), English.ConcurrencyFailure()),
            nameof(IdentityErrorDescriber.DefaultError) => (Chinese.DefaultError(), English.DefaultError()),
            _ => ((IdentityError?)null, (IdentityError?)null),
        };
        return pair is ({ } zh, { } en) ? zh.Description + " " + en.Description : error.Description;
    }
}
