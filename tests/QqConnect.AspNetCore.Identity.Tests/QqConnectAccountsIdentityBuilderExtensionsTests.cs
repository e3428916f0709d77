using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Identity.Tests;

public sealed class QqConnectAccountsIdentityBuilderExtensionsTests
{
    private sealed class OtherUser : IdentityUser;

    [Fact]
    public void AddQqConnectAccounts_ForAnotherUserTypeThanIdentitys_IsRefused()
    {
        var identity = new ServiceCollection().AddIdentityCore<IdentityUser>();

        var refused = Assert.Throws<ArgumentException>(() => identity.AddQqConnectAccounts<OtherUser, TestDbContext>());

        Assert.Contains("IdentityUser", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(100_000)]
    public void MaxUserNameLength_OutOfRange_IsRefusedWithItsName(int length)
    {
        var services = new ServiceCollection();
        services.AddIdentityCore<IdentityUser>().AddQqConnectAccounts<IdentityUser, TestDbContext>(options => options.MaxUserNameLength = length);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QqConnectAccountsOptions>>().Value);

        Assert.Contains("MaxUserNameLength", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQqConnectAccounts_CalledTwice_RegistersItsValidatorOnce()
    {
        var services = new ServiceCollection();
        var identity = services.AddIdentityCore<IdentityUser>();

        identity.AddQqConnectAccounts<IdentityUser, TestDbContext>().AddQqConnectAccounts<IdentityUser, TestDbContext>();

        Assert.Single(services, d => d.ServiceType == typeof(IUserValidator<IdentityUser>) && d.ImplementationType?.Name == "QqUserNameValidator`1");
    }

    [Fact]
    public void AddQqConnectAccounts_ReplacesIdentitysNormalizerConfirmationAndSignInManager()
    {
        var services = new ServiceCollection();
        services.AddIdentity<IdentityUser, IdentityRole>().AddQqConnectAccounts<IdentityUser, TestDbContext>();

        Assert.Equal(typeof(NfkcLookupNormalizer), Assert.Single(services, d => d.ServiceType == typeof(ILookupNormalizer)).ImplementationType);
        Assert.Equal("QqUserConfirmation`1", Assert.Single(services, d => d.ServiceType == typeof(IUserConfirmation<IdentityUser>)).ImplementationType!.Name);
        Assert.Equal("QqSignInManager`1", Assert.Single(services, d => d.ServiceType == typeof(SignInManager<IdentityUser>)).ImplementationType!.Name);
    }
}
