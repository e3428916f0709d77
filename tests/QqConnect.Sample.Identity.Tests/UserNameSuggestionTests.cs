using QqConnect.Sample.Identity.Binding;

namespace QqConnect.Sample.Identity.Tests;

public sealed class UserNameSuggestionTests
{
    [Theory]
    [InlineData("小明", "小明")]
    [InlineData("企鹅🐧 \"Tester\"", "企鹅Tester")]
    [InlineData("🐧🐧", UserNameSuggestion.Fallback)]
    [InlineData("", UserNameSuggestion.Fallback)]
    [InlineData("a.b-c_d<script>", "a.b-c_dscript")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十多余", "一二三四五六七八九十一二三四五六七八九十")]
    public void BaseName_KeepsLettersAndDigits_WithinTheLength(string nickname, string expected) =>
        Assert.Equal(expected, UserNameSuggestion.BaseName(nickname));
}
