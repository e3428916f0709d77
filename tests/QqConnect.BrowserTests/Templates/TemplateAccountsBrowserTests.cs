using Microsoft.Playwright;

namespace QqConnect.BrowserTests.Templates;

/// <summary>
/// The two standard Identity templates with QqConnect.AspNetCore.Identity, wired with the lines of
/// docs/account-binding.md ("In the standard templates") only, in Chromium against the in-site emulator: a first QQ
/// login makes an account without an e-mail and is signed in (the templates require confirmed accounts); signed out,
/// the next QQ login finds the same account; a QQ user binds an account registered on the template's own pages with
/// its password, and the template's Manage → External logins lists QQ; cancel lands on a page, not a 404.
/// </summary>
public abstract class TemplateAccountsBrowserTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : TemplateSiteFixture
{
    private const int Timeout = 30_000;

    [SkippableFact]
    public async Task FirstQqLogin_CreatesAnAccountWithoutEmail_AndTheNextLoginFindsIt()
    {
        var page = await site.NewPageAsync();
        try
        {
            await QqLoginAsync(page, "#user-0");
            await page.WaitForSelectorAsync("#create-account", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Equal("小明", await page.InnerTextAsync("#qq-nickname"));
            Assert.Equal(0, await page.Locator("input[type=email]").CountAsync());
            var userName = await page.InputValueAsync("#userName");
            Assert.False(string.IsNullOrEmpty(userName));

            await page.ClickAsync("#create-account button");
            await page.WaitForURLAsync(site.Site.BaseAddress.AbsoluteUri, new PageWaitForURLOptions { Timeout = Timeout });
            Assert.Equal(userName, await AccountUserNameAsync(page));

            // Signed out with the template's own button, QQ signs in to the same account: no bind page this time.
            await page.GotoAsync(site.Site.BaseAddress.AbsoluteUri);
            await page.ClickAsync("button:has-text('Logout')");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await QqLoginAsync(page, "#user-0");
            await page.WaitForURLAsync(site.Site.BaseAddress.AbsoluteUri, new PageWaitForURLOptions { Timeout = Timeout });
            Assert.Equal(userName, await AccountUserNameAsync(page));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task QqUser_BindsAnAccountRegisteredOnTheTemplate_WithItsPassword_AndManageListsQq()
    {
        var page = await site.NewPageAsync();
        try
        {
            var email = $"user{Guid.NewGuid():N}"[..16] + "@example.com";
            const string password = "Correct-horse-1";
            await RegisterAndConfirmAsync(page, email, password);

            await QqLoginAsync(page, "#user-1");
            await page.WaitForSelectorAsync("#bind-existing", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.FillAsync("#existingUserName", email);
            await page.FillAsync("#password", password);
            await page.ClickAsync("#bind-existing button");
            await page.WaitForURLAsync(site.Site.BaseAddress.AbsoluteUri, new PageWaitForURLOptions { Timeout = Timeout });
            Assert.Equal(email, await AccountUserNameAsync(page));

            await page.GotoAsync(new Uri(site.Site.BaseAddress, site.ManagePath + "/ExternalLogins").AbsoluteUri);
            await page.WaitForSelectorAsync("text=Registered Logins", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.True(await page.Locator("td", new PageLocatorOptions { HasTextString = "QQ" }).CountAsync() > 0, await page.ContentAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Cancel_LandsOnTheTemplatesLoginPage_NotA404()
    {
        var page = await site.NewPageAsync();
        try
        {
            await StartQqLoginAsync(page);
            await page.ClickAsync("#deny");
            await page.WaitForSelectorAsync("text=Error from external provider", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.StartsWith(new Uri(site.Site.BaseAddress, site.LoginPath).AbsoluteUri, page.Url, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task StartQqLoginAsync(IPage page)
    {
        await page.GotoAsync(new Uri(site.Site.BaseAddress, site.LoginPath).AbsoluteUri);
        await page.ClickAsync("button[name=provider][value=QQ]");
        await page.WaitForSelectorAsync("#approve", new PageWaitForSelectorOptions { Timeout = Timeout });
    }

    private async Task QqLoginAsync(IPage page, string user)
    {
        await StartQqLoginAsync(page);
        await page.CheckAsync(user);
        await page.ClickAsync("#approve");
    }

    // The package's account page names the signed-in account.
    private async Task<string> AccountUserNameAsync(IPage page)
    {
        var response = await page.GotoAsync(new Uri(site.Site.BaseAddress, "/qqconnect/account").AbsoluteUri);
        Assert.Equal(200, response!.Status);
        return await page.InnerTextAsync("#user-name");
    }

    // The template's Register page, then the confirmation link it shows when no e-mail sender is configured.
    private async Task RegisterAndConfirmAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(new Uri(site.Site.BaseAddress, site.RegisterPath).AbsoluteUri);
        await page.FillAsync("[id='Input.Email'], #Input_Email", email);
        await page.FillAsync("[id='Input.Password'], #Input_Password", password);
        await page.FillAsync("[id='Input.ConfirmPassword'], #Input_ConfirmPassword", password);
        await page.ClickAsync("button[type=submit]:has-text('Register')");
        await page.ClickAsync("text=Click here to confirm your account", new PageClickOptions { Timeout = Timeout });
        await page.WaitForSelectorAsync("text=Thank you for confirming your email", new PageWaitForSelectorOptions { Timeout = Timeout });
    }
}

/// <summary>The Razor Pages template with Identity UI and QqConnect.AspNetCore.Identity.</summary>
public sealed class WebappTemplateAccountsBrowserTests(WebappAccountsTemplateFixture site) : TemplateAccountsBrowserTests<WebappAccountsTemplateFixture>(site);

/// <summary>The Blazor Web App template with the Identity components and QqConnect.AspNetCore.Identity.</summary>
public sealed class BlazorTemplateAccountsBrowserTests(BlazorAccountsTemplateFixture site) : TemplateAccountsBrowserTests<BlazorAccountsTemplateFixture>(site);

/// <summary><c>dotnet new webapp --auth Individual</c> with QQ登录 and the documented account lines.</summary>
public sealed class WebappAccountsTemplateFixture : WebappTemplateFixture
{
    private protected override string NameSuffix => "Accounts";

    private protected override string Wire(string program) =>
        TemplateAccounts.WireProgram(base.Wire(program), "template-accounts", "IdentityUser");

    private protected override Task BeforeBuildAsync(string directory) => TemplateAccounts.ApplyAsync(directory, "IdentityUser", addIdentityUsing: true);
}

/// <summary><c>dotnet new blazor --auth Individual</c> with QQ登录 and the documented account lines.</summary>
public sealed class BlazorAccountsTemplateFixture : BlazorTemplateFixture
{
    private protected override string NameSuffix => "Accounts";

    private protected override string Wire(string program) =>
        TemplateAccounts.WireProgram(base.Wire(program), "template-accounts-blazor", "ApplicationUser");

    private protected override Task BeforeBuildAsync(string directory) => TemplateAccounts.ApplyAsync(directory, "ApplicationUser", addIdentityUsing: false);
}
