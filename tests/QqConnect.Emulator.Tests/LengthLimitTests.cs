using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>QQ refuses a state or redirect_uri over 500 bytes with 100010 (the protocol reference's "Length limit").</summary>
public sealed class LengthLimitTests
{
    // Each value is measured as it travels in the request: percent-encoded (RFC 3986, Uri.EscapeDataString), in bytes.
    private static string StateOfEncodedLength(int bytes) => new('s', bytes);

    private static string RedirectOfEncodedLength(int bytes)
    {
        const string prefix = "http://localhost:5000/cb?x=";
        var encodedPrefix = Uri.EscapeDataString(prefix).Length;
        return prefix + new string('a', bytes - encodedPrefix);
    }

    [Fact]
    public void Authorize_StateOf500EncodedBytes_IsAccepted()
    {
        using var h = new Harness();
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(state: StateOfEncodedLength(500)));

        Assert.Equal(StateOfEncodedLength(500), Harness.QueryOf(callback)["state"]);
    }

    [Fact]
    public void Authorize_StateOver500EncodedBytes_Throws100010()
    {
        using var h = new Harness();
        var error = Assert.Throws<QqConnectEmulatorException>(() => h.Emulator.Authorize(Harness.AuthorizeUrl(state: StateOfEncodedLength(501))));

        Assert.Equal(100010, error.ErrorCode);
    }

    [Fact]
    public void Authorize_NonAsciiStateCountsItsEncodedBytes_Throws100010()
    {
        using var h = new Harness();
        // 60 characters, 180 UTF-8 bytes, 540 bytes once percent-encoded.
        var error = Assert.Throws<QqConnectEmulatorException>(() => h.Emulator.Authorize(Harness.AuthorizeUrl(state: new string('订', 60))));

        Assert.Equal(100010, error.ErrorCode);
    }

    [Fact]
    public async Task AuthorizePage_RedirectUriOver500EncodedBytes_ShowsError100010()
    {
        using var h = new Harness();
        var url = Harness.AuthorizeUrl(redirect: RedirectOfEncodedLength(501));
        using var response = await h.Http.GetAsync(url);

        Assert.Contains(">100010<", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_RedirectUriOf500EncodedBytes_IsAccepted()
    {
        using var h = new Harness();
        var redirect = RedirectOfEncodedLength(500);
        var callback = h.Emulator.Authorize(Harness.AuthorizeUrl(redirect: redirect));

        Assert.StartsWith(redirect + "&code=", callback.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_RedirectUriOver500EncodedBytes_Returns100010BeforeLookingAtTheCode()
    {
        using var h = new Harness();
        // An unknown code would get 100019: the length is checked first, as a malformed request.
        var body = await h.GetAsync(Harness.TokenQuery(new string('0', 32), redirect: RedirectOfEncodedLength(501)));

        Assert.Equal(Harness.JsonpError(100010, "redirect uri is illegal"), body);
    }
}
