using System.Net;
using QqConnect.Emulator.Control;

namespace QqConnect.Emulator.Tests.Control;

/// <summary><see cref="ControlAccess"/>: the control API answers loopback peers naming a loopback host, and no other site's page.</summary>
public sealed class ControlAccessTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Refusal_LoopbackPeer_IsNone(string remote)
    {
        Assert.Null(ControlAccess.Refusal(IPAddress.Parse(remote), "127.0.0.1", null));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("2001:db8::1")]
    public void Refusal_NonLoopbackPeer_SaysOnlyThisMachine(string remote)
    {
        Assert.Equal(
            "the control API answers only requests from this machine (a loopback address)",
            ControlAccess.Refusal(IPAddress.Parse(remote), "127.0.0.1", null));
    }

    [Fact]
    public void Refusal_NoPeerAddress_IsRefused()
    {
        Assert.NotNull(ControlAccess.Refusal(null, "127.0.0.1", null));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("evil.example", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("", false)]
    public void Refusal_HostHeader_MustNameLoopback(string host, bool allowed)
    {
        Assert.Equal(allowed, ControlAccess.Refusal(IPAddress.Loopback, host, null) is null);
    }

    [Fact]
    public void Refusal_NoHostHeader_IsRefused()
    {
        Assert.NotNull(ControlAccess.Refusal(IPAddress.Loopback, null, null));
    }

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://127.0.0.1:5380", true)]
    [InlineData("", true)]
    [InlineData("http://evil.example", false)]
    [InlineData("https://localhost.evil.example", false)]
    [InlineData("null", false)]
    public void Refusal_Origin_MustBeALocalPageWhenSent(string origin, bool allowed)
    {
        Assert.Equal(allowed, ControlAccess.Refusal(IPAddress.Loopback, "127.0.0.1", origin) is null);
    }
}
