using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace QqConnect.AspNetCore.Identity.Tests;

/// <summary>Identity's messages in Chinese, with Identity's codes.</summary>
public sealed class ChineseIdentityErrorDescriberTests
{
    private static readonly MethodInfo[] Messages = typeof(IdentityErrorDescriber)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(method => method.IsVirtual && method.ReturnType == typeof(IdentityError))
        .ToArray();

    private static object?[] Arguments(MethodInfo method) =>
        method.GetParameters().Select(parameter => parameter.ParameterType == typeof(int) ? (object)6 : "小明").ToArray();

    [Fact]
    public void EveryMessageOfIdentity_IsInChinese_WithIdentitysCode()
    {
        var chinese = new ChineseIdentityErrorDescriber();
        var english = new IdentityErrorDescriber();
        Assert.NotEmpty(Messages);

        foreach (var method in Messages)
        {
            var zh = (IdentityError)method.Invoke(chinese, Arguments(method))!;
            var en = (IdentityError)method.Invoke(english, Arguments(method))!;
            Assert.Equal(en.Code, zh.Code);
            Assert.True(zh.Description.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{method.Name}: {zh.Description}");
            Assert.NotEqual(en.Description, zh.Description);
        }
    }

    [Fact]
    public void Messages_CarryTheirArguments()
    {
        var chinese = new ChineseIdentityErrorDescriber();

        Assert.Contains("小明", chinese.DuplicateUserName("小明").Description, StringComparison.Ordinal);
        Assert.Contains("8", chinese.PasswordTooShort(8).Description, StringComparison.Ordinal);
    }
}
