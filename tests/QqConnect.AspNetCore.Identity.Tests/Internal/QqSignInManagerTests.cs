using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Identity.Tests.Internal;

/// <summary>No stranger locks a QQ user out with wrong passwords; an administrator's lockout still holds.</summary>
public sealed class QqSignInManagerTests : AccountsTest
{
    private static SignInManager<IdentityUser> SignIn(IServiceProvider services)
    {
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = services };
        return services.GetRequiredService<SignInManager<IdentityUser>>();
    }

    [Fact]
    public async Task WrongPasswords_ForAnAccountWithoutPassword_AreNotCounted_AndQqStillSignsIn()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");

        for (var i = 0; i < 10; i++)
        {
            var check = await InRequestAsync(async services => await SignIn(services).CheckPasswordSignInAsync((await Users(services).FindByIdAsync(user.Id))!, "guess-" + i, lockoutOnFailure: true));
            Assert.Equal(SignInResult.Failed, check);
        }

        var (failures, lockedOut) = await InRequestAsync(async services =>
        {
            var account = (await Users(services).FindByIdAsync(user.Id))!;
            return (await Users(services).GetAccessFailedCountAsync(account), await Users(services).IsLockedOutAsync(account));
        });
        Assert.Equal(0, failures);
        Assert.False(lockedOut);
        var qq = Host.Login(AccountsHost.Web, 0);
        Assert.True((await InRequestAsync(services => SignIn(services).ExternalLoginSignInAsync(qq.LoginProvider, qq.OpenId, isPersistent: false, bypassTwoFactor: true))).Succeeded);
    }

    [Fact]
    public async Task PasswordLockout_OfAQqBoundAccount_DoesNotRefuseItsQqLogin()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(async services => (await Users(services).AddPasswordAsync((await Users(services).FindByIdAsync(user.Id))!, "A-password-1")).Succeeded);
        for (var i = 0; i < 6; i++)
        {
            await InRequestAsync(async services => await SignIn(services).CheckPasswordSignInAsync((await Users(services).FindByIdAsync(user.Id))!, "wrong", lockoutOnFailure: true));
        }

        var password = await InRequestAsync(async services => await SignIn(services).CheckPasswordSignInAsync((await Users(services).FindByIdAsync(user.Id))!, "A-password-1", lockoutOnFailure: true));
        var qq = Host.Login(AccountsHost.Web, 0);
        var viaQq = await InRequestAsync(services => SignIn(services).ExternalLoginSignInAsync(qq.LoginProvider, qq.OpenId, isPersistent: false, bypassTwoFactor: true));

        Assert.True(password.IsLockedOut);
        Assert.True(viaQq.Succeeded);
    }

    [Fact]
    public async Task AdministratorsLockout_RefusesTheQqLoginToo()
    {
        var user = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        await InRequestAsync(async services => (await Users(services).SetLockoutEndDateAsync((await Users(services).FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue)).Succeeded);

        var qq = Host.Login(AccountsHost.Web, 0);
        var viaQq = await InRequestAsync(services => SignIn(services).ExternalLoginSignInAsync(qq.LoginProvider, qq.OpenId, isPersistent: false, bypassTwoFactor: true));

        Assert.True(viaQq.IsLockedOut);
    }

    [Fact]
    public async Task QqMadeAccount_IsConfirmed_WhileALocalAccountWithoutConfirmedEmailIsNot()
    {
        // RequireConfirmedAccount = true, the templates' default: QQ gives no e-mail to confirm.
        var qqMade = await CreateAsync(Host.Login(AccountsHost.Web, 0), "小明");
        var local = await LocalAccountAsync("local");

        Assert.True(await InRequestAsync(async services => await SignIn(services).CanSignInAsync((await Users(services).FindByIdAsync(qqMade.Id))!)));
        Assert.False(await InRequestAsync(async services => await SignIn(services).CanSignInAsync((await Users(services).FindByIdAsync(local.Id))!)));
    }
}
