using System.Text;
using QqConnect.Client.Login.Internal;

namespace QqConnect.Client.Tests.Login.Internal;

/// <summary>The login state's base64url (RFC 4648 section 5, no padding), strict on decoding.</summary>
public sealed class Base64UrlCodecTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "Zg")]
    [InlineData("fo", "Zm8")]
    [InlineData("foo", "Zm9v")]
    [InlineData("foob", "Zm9vYg")]
    [InlineData("fooba", "Zm9vYmE")]
    [InlineData("foobar", "Zm9vYmFy")]
    public void EncodeAndDecode_Rfc4648Vectors_RoundTrip(string text, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(encoded, Base64UrlCodec.Encode(bytes));
        Assert.True(Base64UrlCodec.TryDecode(encoded, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Fact]
    public void Encode_BytesThatNeedTheUrlAlphabet_UsesMinusAndUnderscore()
    {
        Assert.Equal("-_-_", Base64UrlCodec.Encode([0xFB, 0xFF, 0xBF]));
    }

    [Theory]
    [InlineData("Zg==")] // padding
    [InlineData("Zm9v+g")] // the standard alphabet's '+'
    [InlineData("Zm9v/g")] // and '/'
    [InlineData("Zm9 v")] // white space
    [InlineData("Zh")] // unused bits set: "Zg" is the only form of "f"
    [InlineData("Z")] // a length no byte sequence has
    [InlineData("Zm9vYmFy\u00e9")] // not ASCII
    public void TryDecode_NonCanonicalText_IsRefused(string text)
    {
        Assert.False(Base64UrlCodec.TryDecode(text, out var data));
        Assert.Empty(data);
    }
}
