using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity;

/// <summary>The outcome of <see cref="IQqAccountBinder{TUser}.CreateAccountAsync"/>.</summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
/// <param name="User">The account the QQ is bound to: the new one, or the one a concurrent request bound first; <see langword="null"/> when the account could not be created.</param>
/// <param name="Created">Whether this call created <paramref name="User"/>.</param>
/// <param name="Errors">Why the account could not be created (say, the user name is taken), in the site's <see cref="IdentityErrorDescriber"/> words.</param>
public sealed record QqAccountCreation<TUser>(TUser? User, bool Created, IReadOnlyList<IdentityError> Errors)
    where TUser : class;
