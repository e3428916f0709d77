using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Identity.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Identity.Tests.Internal;

/// <summary>User names that cannot impersonate, for QQ-made and local accounts alike.</summary>
public sealed class UserNameRulesTests : AccountsTest
{
    public static TheoryData<string, string> Refused => new()
    {
        { "小明\u200b", "InvalidUserName" },
        { "\u202eadmin", "InvalidUserName" },
        { "ad\u2066min", "InvalidUserName" },
        { "a\tb", "InvalidUserName" },
        { "a\nb", "InvalidUserName" },
        { "a\u0000b", "InvalidUserName" },
        { " admin", "InvalidUserName" },
        { new string('x', 40_000), "UserNameTooLong" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task LocalRegistration_InvisibleControlOrOverLongName_IsRefused(string userName, string code)
    {
        var result = await InRequestAsync(services => Users(services).CreateAsync(new IdentityUser(userName), "A-password-1"));

        Assert.Contains(result.Errors, error => error.Code == code);
        Assert.DoesNotContain(result.Errors, error => error.Description.Length > 400);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CreateAccount_InvisibleControlOrOverLongName_IsRefused(string userName, string code)
    {
        var creation = await InRequestAsync(services => Binder(services).CreateAccountAsync(Host.Login(AccountsHost.Web, 0), userName));

        Assert.Null(creation.User);
        Assert.Contains(creation.Errors, error => error.Code == code);
        Assert.Empty(await LoginRowsAsync());
    }

    [Fact]
    public async Task Register_NameWithALoneSurrogate_IsRefused()
    {
        // Not a theory case: test discovery would carry the lone surrogate as U+FFFD.
        var result = await InRequestAsync(services => Users(services).CreateAsync(new IdentityUser("a\ud800b"), "A-password-1"));

        Assert.Equal("InvalidUserName", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("admin", "ａｄｍｉｎ")]
    [InlineData("Admin", "ADMIN")]
    [InlineData("小明", "小明")]
    public async Task Register_LookAlikeOfATakenName_IsRefusedAsTaken(string taken, string lookAlike)
    {
        await LocalAccountAsync(taken);

        var result = await InRequestAsync(services => Users(services).CreateAsync(new IdentityUser(lookAlike), "A-password-1"));

        Assert.Equal("DuplicateUserName", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task OrdinaryNames_WithInnerSpacesChineseOrEmoji_AreAccepted()
    {
        foreach (var name in new[] { "小明 同学", "xiao.ming_2", "企鹅🐧" })
        {
            var result = await InRequestAsync(services => Users(services).CreateAsync(new IdentityUser(name)));
            Assert.True(result.Succeeded, name + ": " + string.Join("; ", result.Errors.Select(error => error.Code)));
        }
    }

    [Theory]
    [InlineData("\u202e小明\u200b", "小明")]
    [InlineData("ａｂｃ１２３", "abc123")]
    [InlineData("小明\t\n", "小明")]
    [InlineData("🐧", "qq用户")]
    [InlineData("", "qq用户")]
    public void Suggestion_FromAHostileNickname_FollowsTheRules(string nickname, string expected)
    {
        var rules = Host.Services.GetRequiredService<QqConnect.AspNetCore.Identity.Internal.UserNameRules>();

        var name = rules.BaseName(nickname);

        Assert.Equal(expected, name);
        Assert.Null(rules.Problem(name));
    }

    [Fact]
    public void Suggestion_OnASiteWithIdentitysDefaultCharacters_KeepsOnlyThose()
    {
        // The templates keep Identity's default AllowedUserNameCharacters (ASCII letters, digits, -._@+).
        using var database = new SqliteDatabase();
        using var site = new AccountsHost(database, Emulator, configure: services =>
            services.Configure<IdentityOptions>(options => options.User.AllowedUserNameCharacters = new IdentityOptions().User.AllowedUserNameCharacters));
        var rules = site.Services.GetRequiredService<QqConnect.AspNetCore.Identity.Internal.UserNameRules>();

        Assert.Equal("ming", rules.BaseName("小明ming"));
        Assert.Equal("qquser", rules.BaseName("小明"));
    }
}
