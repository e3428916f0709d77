namespace QqConnect.AspNetCore.Identity.Tests;

public sealed class NfkcLookupNormalizerTests
{
    [Theory]
    [InlineData("ａｄｍｉｎ", "ADMIN")]
    [InlineData("admin", "ADMIN")]
    [InlineData("ﬁle", "FILE")]
    [InlineData("小明", "小明")]
    public void NormalizeName_FoldsCompatibilityCharacters_ThenUpperCases(string name, string expected)
    {
        Assert.Equal(expected, new NfkcLookupNormalizer().NormalizeName(name));
        Assert.Equal(expected, new NfkcLookupNormalizer().NormalizeEmail(name));
    }

    [Fact]
    public void NormalizeName_LoneSurrogate_IsUpperCasedWithoutThrowing() => Assert.Equal("A\ud800", new NfkcLookupNormalizer().NormalizeName("a\ud800"));

    [Fact]
    public void Normalize_Null_IsNull() => Assert.Null(new NfkcLookupNormalizer().NormalizeName(null));
}
