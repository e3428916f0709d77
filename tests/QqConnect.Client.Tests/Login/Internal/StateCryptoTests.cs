using System.Text;
using QqConnect.Client.Login.Internal;

namespace QqConnect.Client.Tests.Login.Internal;

/// <summary>
/// Known answers for the login state's crypto primitives, which the netstandard2.0 build implements with
/// its own calls (and its own constant-time comparison).
/// </summary>
public sealed class StateCryptoTests
{
    [Fact]
    public void HmacSha256_Rfc4231TestCase2_GivesTheKnownMac()
    {
        var mac = StateCrypto.HmacSha256(Encoding.ASCII.GetBytes("Jefe"), Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Convert.ToHexString(mac).ToLowerInvariant());
    }

    [Fact]
    public void Sha256_Abc_GivesTheKnownHash()
    {
        var hash = StateCrypto.Sha256(Encoding.ASCII.GetBytes("abc"));

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexString(hash).ToLowerInvariant());
        Assert.Equal(StateCrypto.HashSize, hash.Length);
    }

    [Fact]
    public void FillRandom_TwoBuffers_AreFilledDifferently()
    {
        var first = new byte[32];
        var second = new byte[32];

        StateCrypto.FillRandom(first);
        StateCrypto.FillRandom(second);

        Assert.NotEqual(new byte[32], first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("00", "00", true)]
    [InlineData("00112233445566778899aabbccddeeff", "00112233445566778899aabbccddeeff", true)]
    [InlineData("00112233445566778899aabbccddeeff", "01112233445566778899aabbccddeeff", false)]
    [InlineData("00112233445566778899aabbccddeeff", "00112233445566778899aabbccddeefe", false)]
    [InlineData("00112233445566778899aabbccddeeff", "00112233445566778899aabbccddee", false)]
    [InlineData("", "00", false)]
    [InlineData("80", "00", false)]
    public void FixedTimeEquals_ComparesEveryByteAndTheLength(string left, string right, bool equal)
    {
        Assert.Equal(equal, StateCrypto.FixedTimeEquals(Convert.FromHexString(left), Convert.FromHexString(right)));
    }
}
