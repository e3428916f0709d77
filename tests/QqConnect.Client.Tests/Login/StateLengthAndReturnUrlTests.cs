using System.Text;

namespace QqConnect.Client.Tests.Login;

/// <summary>
/// QQ refuses a state over 500 bytes (100010), and the return URL that comes back goes into a Location header.
/// </summary>
public sealed class StateLengthAndReturnUrlTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static QqLoginStateProtector NewProtector() => new(new QqLoginStateOptions { Key = Key, DefaultReturnUrl = "/home" });

    public static TheoryData<string> ReturnUrls()
    {
        // '订' is 3 bytes of UTF-8: lengths near a boundary give the same Chinese URL, which is kept once.
        var urls = new List<string>();
        foreach (var length in new[] { 0, 1, 100, 285, 286, 287, 300, 400, 511, 512, 513, 1000, 4000 })
        {
            urls.Add("/" + new string('a', length));
            urls.Add("/" + new string('订', length / 3));
        }

        var data = new TheoryData<string>();
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            data.Add(url);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public void Create_AnyReturnUrl_MakesAStateOfAtMost500BytesAsSent(string returnUrl)
    {
        var login = NewProtector().Create(returnUrl);

        Assert.True(Uri.EscapeDataString(login.State).Length <= 500, $"state is {login.State.Length} characters");
        Assert.True(NewProtector().Validate(login.State, login.BrowserBinding).IsValid);
    }

    [Fact]
    public void Create_ReturnUrlThatDoesNotFit_IsDroppedForTheDefault()
    {
        var protector = NewProtector();
        var login = protector.Create("/" + new string('a', 400));

        Assert.Equal("/home", login.ReturnUrl);
        Assert.Equal("/home", protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
    }

    [Fact]
    public void Create_LongestReturnUrlThatFits_IsKept()
    {
        var protector = NewProtector();
        var returnUrl = "/" + new string('a', QqLoginStateProtector.MaxReturnUrlBytes - 1);
        var login = protector.Create(returnUrl);

        Assert.Equal(returnUrl, protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
        Assert.Equal(500, login.State.Length);
    }

    [Theory]
    [InlineData("/订单/42", "/%E8%AE%A2%E5%8D%95/42")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/x?q=中文#片段", "/x?q=%E4%B8%AD%E6%96%87#%E7%89%87%E6%AE%B5")]
    [InlineData("/emoji/🐧", "/emoji/%F0%9F%90%A7")]
    [InlineData("/already%20encoded?a=b", "/already%20encoded?a=b")]
    public void Validate_NonAsciiReturnUrl_ComesBackPercentEncodedSafeForALocationHeader(string returnUrl, string expected)
    {
        var protector = NewProtector();
        var login = protector.Create(returnUrl);

        var result = protector.Validate(login.State, login.BrowserBinding);

        Assert.Equal(expected, result.ReturnUrl);
        Assert.Equal(expected, login.ReturnUrl);
        Assert.All(result.ReturnUrl!, c => Assert.InRange(c, '\u0020', '\u007E'));
        Assert.True(QqLoginStateProtector.IsLocalReturnUrl(result.ReturnUrl));
        if (!returnUrl.Contains('%', StringComparison.Ordinal))
        {
            Assert.Equal(returnUrl, Uri.UnescapeDataString(result.ReturnUrl!));
        }
    }

    [Fact]
    public void Constructor_NonAsciiDefaultReturnUrl_IsPercentEncodedToo()
    {
        var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = Key, DefaultReturnUrl = "/首页" });
        var login = protector.Create();

        Assert.Equal("/%E9%A6%96%E9%A1%B5", protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
    }
}
