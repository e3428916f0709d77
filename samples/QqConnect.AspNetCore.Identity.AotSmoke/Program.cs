// NativeAOT smoke test of QqConnect.AspNetCore.Identity: what of the package runs without an EF Core query, natively.
// The Chinese Identity messages, the NFKC user-name normaliser, QqLogin read from Identity's external login, and,
// through AddQqConnectAccounts on Identity with a small in-memory user store (no EF Core store, no query), the
// package's user-name rules and its QQ-aware account confirmation. The DbContext type is only named for the
// registration: the binder and the profile store (EF Core queries) are never resolved. Published by
// eng/aot-smoke.sh with PublishAot; prints "identity aot smoke: passed" and exits 0 when every check holds.
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore;
using QqConnect.AspNetCore.Identity;
using QqConnect.Samples;
using static QqConnect.Samples.SmokeChecks;

Start("QqConnect.AspNetCore.Identity AOT smoke");

// Identity's messages in Chinese, under Identity's own codes.
var chinese = new ChineseIdentityErrorDescriber();
var english = new IdentityErrorDescriber();
var duplicate = chinese.DuplicateUserName("小明");
Console.WriteLine($"  DuplicateUserName: {duplicate.Description}");
Check(duplicate.Code == english.DuplicateUserName("小明").Code && duplicate.Description == "用户名“小明”已被使用。", "DuplicateUserName is in Chinese under Identity's code");
var tooShort = chinese.PasswordTooShort(8);
Check(tooShort.Code == english.PasswordTooShort(8).Code && tooShort.Description == "密码至少需要 8 个字符。", "PasswordTooShort formats the length in Chinese");
Check(chinese.LoginAlreadyAssociated().Code == english.LoginAlreadyAssociated().Code && chinese.LoginAlreadyAssociated().Description == "该外部登录已绑定其他账号。", "LoginAlreadyAssociated is in Chinese");

// Look-alike names fold together.
var normalizer = new NfkcLookupNormalizer();
Check(normalizer.NormalizeName("ａｄｍｉｎ") == "ADMIN", $"NFKC folds full-width ａｄｍｉｎ to ADMIN ({normalizer.NormalizeName("ａｄｍｉｎ")})");
Check(normalizer.NormalizeEmail("Ｘ@ｅｘａｍｐｌｅ.com") == "X@EXAMPLE.COM", "NFKC folds a full-width e-mail");
Check(normalizer.NormalizeName("ab\uD800") == "AB\uD800", "a lone surrogate is only upper-cased");

// The QQ login the handler signed in to Identity's external cookie.
var claims = new ClaimsIdentity(
[
    new Claim(ClaimTypes.NameIdentifier, "OPENID-1"),
    new Claim(ClaimTypes.Name, "小明"),
    new Claim(QqConnectClaimTypes.UnionId, "UNIONID-1"),
    new Claim(QqConnectClaimTypes.AvatarUrl, "https://thirdqq.qlogo.cn/avatar/100"),
], QqConnectAuthenticationDefaults.AuthenticationScheme);
var login = QqLogin.FromExternalLogin(new ExternalLoginInfo(new ClaimsPrincipal(claims), QqConnectAuthenticationDefaults.AuthenticationScheme, "OPENID-1", "QQ"));
Console.WriteLine($"  QqLogin: {login.LoginProvider}|{login.OpenId}|{login.UnionId}|{login.Nickname}|{login.AvatarUrl}");
Check(login == new QqLogin("QQ", "OPENID-1", "UNIONID-1", "小明", "https://thirdqq.qlogo.cn/avatar/100"), "QqLogin reads the OpenID, UnionID, nickname and avatar");
var noUnion = QqLogin.FromExternalLogin(new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "小红")], "QQ")), "QQ", "OPENID-2", "QQ"));
Check(noUnion.UnionId is null && noUnion.Nickname == "小红", "without a UnionID claim the UnionID is null");

// AddQqConnectAccounts on Identity with an in-memory store: the user-name rules and the confirmation rule.
var services = new ServiceCollection();
services.AddLogging();
services.AddAuthentication().AddQqConnect(options =>
{
    options.AppId = "101000000";
    options.AppKey = "aot-smoke-app-key";
});
services.AddIdentityCore<IdentityUser>(options => options.User.AllowedUserNameCharacters = "")
    .AddErrorDescriber<ChineseIdentityErrorDescriber>()
    .AddQqConnectAccounts<IdentityUser, SmokeDbContext>(options => options.MaxUserNameLength = 16);
services.AddSingleton<IUserStore<IdentityUser>, MemoryUserStore>();
// No validation on build: it would construct the binder and profile store, which need the (unregistered) DbContext.
await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }))
{
    await using var scope = provider.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
    Check(users.KeyNormalizer is NfkcLookupNormalizer, "AddQqConnectAccounts puts in the NFKC normaliser");

    var admin = new IdentityUser("admin");
    var created = await users.CreateAsync(admin);
    Check(created.Succeeded && admin.NormalizedUserName == "ADMIN", $"admin is created ({Describe(created)})");
    var lookAlike = await users.CreateAsync(new IdentityUser("ａｄｍｉｎ"));
    Console.WriteLine($"  ａｄｍｉｎ: {Describe(lookAlike)}");
    Check(!lookAlike.Succeeded && lookAlike.Errors.Any(e => e.Code == "DuplicateUserName" && e.Description == "用户名“ａｄｍｉｎ”已被使用。"), "full-width ａｄｍｉｎ is refused as taken, in Chinese");
    var invisible = await users.CreateAsync(new IdentityUser("ad\u200Bmin"));
    Console.WriteLine($"  ad<U+200B>min: {Describe(invisible)}");
    Check(!invisible.Succeeded && invisible.Errors.Any(e => e.Code == "InvalidUserName" && e.Description.Contains("U+200B", StringComparison.Ordinal)), "a zero-width space is refused, shown as U+200B");
    var tooLong = await users.CreateAsync(new IdentityUser(new string('长', 17)));
    Check(!tooLong.Succeeded && tooLong.Errors.Any(e => e.Code == "UserNameTooLong"), $"a 17-character name is refused (MaxUserNameLength 16: {Describe(tooLong)})");
    var xiaoming = new IdentityUser("小明");
    Check((await users.CreateAsync(xiaoming)).Succeeded, "a Chinese user name is accepted");

    var confirmation = scope.ServiceProvider.GetRequiredService<IUserConfirmation<IdentityUser>>();
    Check(!await confirmation.IsConfirmedAsync(users, admin), "an account without a confirmed e-mail or a QQ login is not confirmed");
    Check((await users.AddLoginAsync(admin, new UserLoginInfo(QqConnectAuthenticationDefaults.AuthenticationScheme, "OPENID-1", "QQ"))).Succeeded, "a QQ login is added");
    Check(await confirmation.IsConfirmedAsync(users, admin), "a QQ-bound account is confirmed");
    await users.AddLoginAsync(xiaoming, new UserLoginInfo("GitHub", "12345", "GitHub"));
    Check(!await confirmation.IsConfirmedAsync(users, xiaoming), "another provider's login does not confirm an account");
    xiaoming.EmailConfirmed = true;
    Check(await confirmation.IsConfirmedAsync(users, xiaoming), "a confirmed e-mail still confirms an account");
}

Console.WriteLine(Failures == 0 ? "identity aot smoke: passed" : $"identity aot smoke: FAILED ({Failures} checks)");
return Failures == 0 ? 0 : 1;

static string Describe(IdentityResult result) => result.Succeeded ? "succeeded" : string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}"));

namespace QqConnect.Samples
{
    /// <summary>
    /// Named for AddQqConnectAccounts only and never constructed, so no EF Core code runs. EF Core marks every
    /// DbContext constructor as needing unreferenced and dynamic code; this one carries the same marks.
    /// </summary>
    internal sealed class SmokeDbContext : DbContext
    {
        [RequiresUnreferencedCode("EF Core is not trim-safe.")]
        [RequiresDynamicCode("EF Core is not NativeAOT-safe.")]
        public SmokeDbContext(DbContextOptions<SmokeDbContext> options)
            : base(options)
        {
        }
    }

    /// <summary>Identity's users, logins and e-mails in memory (no EF Core): what the checks above need.</summary>
    internal sealed class MemoryUserStore : IUserLoginStore<IdentityUser>, IUserEmailStore<IdentityUser>
    {
        private readonly List<IdentityUser> users = [];
        private readonly List<(string UserId, UserLoginInfo Login)> logins = [];

        public Task<string> GetUserIdAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

        public Task<string?> GetUserNameAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

        public Task SetUserNameAsync(IdentityUser user, string? userName, CancellationToken cancellationToken)
        {
            user.UserName = userName;
            return Task.CompletedTask;
        }

        public Task<string?> GetNormalizedUserNameAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

        public Task SetNormalizedUserNameAsync(IdentityUser user, string? normalizedName, CancellationToken cancellationToken)
        {
            user.NormalizedUserName = normalizedName;
            return Task.CompletedTask;
        }

        public Task<IdentityResult> CreateAsync(IdentityUser user, CancellationToken cancellationToken)
        {
            users.Add(user);
            return Task.FromResult(IdentityResult.Success);
        }

        public Task<IdentityResult> UpdateAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<IdentityResult> DeleteAsync(IdentityUser user, CancellationToken cancellationToken)
        {
            users.Remove(user);
            logins.RemoveAll(row => row.UserId == user.Id);
            return Task.FromResult(IdentityResult.Success);
        }

        public Task<IdentityUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(users.Find(user => user.Id == userId));

        public Task<IdentityUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
            Task.FromResult(users.Find(user => user.NormalizedUserName == normalizedUserName));

        public Task AddLoginAsync(IdentityUser user, UserLoginInfo login, CancellationToken cancellationToken)
        {
            logins.Add((user.Id, login));
            return Task.CompletedTask;
        }

        public Task RemoveLoginAsync(IdentityUser user, string loginProvider, string providerKey, CancellationToken cancellationToken)
        {
            logins.RemoveAll(row => row.UserId == user.Id && row.Login.LoginProvider == loginProvider && row.Login.ProviderKey == providerKey);
            return Task.CompletedTask;
        }

        public Task<IList<UserLoginInfo>> GetLoginsAsync(IdentityUser user, CancellationToken cancellationToken) =>
            Task.FromResult<IList<UserLoginInfo>>(logins.Where(row => row.UserId == user.Id).Select(row => row.Login).ToList());

        public Task<IdentityUser?> FindByLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken)
        {
            var row = logins.Find(row => row.Login.LoginProvider == loginProvider && row.Login.ProviderKey == providerKey);
            return FindByIdAsync(row.UserId ?? "", cancellationToken);
        }

        public Task SetEmailAsync(IdentityUser user, string? email, CancellationToken cancellationToken)
        {
            user.Email = email;
            return Task.CompletedTask;
        }

        public Task<string?> GetEmailAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.Email);

        public Task<bool> GetEmailConfirmedAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

        public Task SetEmailConfirmedAsync(IdentityUser user, bool confirmed, CancellationToken cancellationToken)
        {
            user.EmailConfirmed = confirmed;
            return Task.CompletedTask;
        }

        public Task<IdentityUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
            Task.FromResult(users.Find(user => user.NormalizedEmail == normalizedEmail));

        public Task<string?> GetNormalizedEmailAsync(IdentityUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);

        public Task SetNormalizedEmailAsync(IdentityUser user, string? normalizedEmail, CancellationToken cancellationToken)
        {
            user.NormalizedEmail = normalizedEmail;
            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}
