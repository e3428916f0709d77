using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Identity;
using QqConnect.AspNetCore.Identity.Internal;
using QqConnect.AspNetCore.Identity.Pages;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers QqConnect.AspNetCore.Identity on the site's Identity.</summary>
public static class QqConnectAccountsIdentityBuilderExtensions
{
    /// <summary>
    /// Binds QQ logins to the site's Identity accounts, stored in <typeparamref name="TContext"/> (which calls
    /// <c>builder.MapQqConnectAccounts&lt;TUser&gt;()</c> in <c>OnModelCreating</c>): registers
    /// <see cref="IQqAccountBinder{TUser}"/> and <see cref="IQqProfileStore{TUser}"/>; makes a QQ-bound account
    /// confirmed for <c>RequireConfirmedAccount</c>; keeps strangers from locking QQ users out with wrong passwords;
    /// folds look-alike user names together (<see cref="NfkcLookupNormalizer"/>) and refuses invisible, control and
    /// over-long ones; routes QQ logins started by the template's own login and manage pages to the package's callback
    /// (<c>app.MapQqConnectAccounts&lt;TUser&gt;()</c> maps it). Call it after <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>.
    /// </summary>
    /// <typeparam name="TUser">The Identity user type (<c>IdentityUser</c> in the templates), with string keys.</typeparam>
    /// <typeparam name="TContext">The site's Identity <c>DbContext</c>.</typeparam>
    /// <param name="builder">From <c>AddIdentity</c> or <c>AddDefaultIdentity</c>.</param>
    /// <param name="configure">Sets <see cref="QqConnectAccountsOptions"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TUser"/> is not the builder's user type.</exception>
    public static IdentityBuilder AddQqConnectAccounts<TUser, TContext>(this IdentityBuilder builder, Action<QqConnectAccountsOptions>? configure = null)
        where TUser : class, new()
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.UserType != typeof(TUser))
        {
            throw new ArgumentException($"AddQqConnectAccounts<{typeof(TUser).Name}, …> is called on an Identity builder for {builder.UserType.Name}: use the same user type.", nameof(builder));
        }

        var services = builder.Services;
        var options = services.AddOptions<QqConnectAccountsOptions>()
            .Validate(o => o.MaxUserNameLength is >= 8 and <= 256, "QqConnectAccounts: MaxUserNameLength must be from 8 to 256.")
            .Validate(PageOptions.IsValid, PageOptions.ValidationMessage)
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QqSchemes>();
        services.TryAddSingleton<UserNameRules>();
        services.TryAddScoped<IQqAccountBinder<TUser>, QqAccountBinder<TUser, TContext>>();
        services.TryAddScoped<IQqProfileStore<TUser>, QqProfileStore<TUser, TContext>>();
        services.Replace(ServiceDescriptor.Scoped<IUserConfirmation<TUser>, QqUserConfirmation<TUser>>());
        services.Replace(ServiceDescriptor.Scoped<ILookupNormalizer, NfkcLookupNormalizer>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IUserValidator<TUser>, QqUserNameValidator<TUser>>());
        services.Replace(ServiceDescriptor.Scoped<SignInManager<TUser>, QqSignInManager<TUser>>());
        services.AddAntiforgery();
        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<QqConnectAuthenticationOptions>, TemplateCallbackRouting>());
        return builder;
    }
}
