namespace QqConnect.Client.Benchmarks;

/// <summary>The realistic answer bodies of the unit tests (tests/QqConnect.Client.Tests/Fixtures), embedded.</summary>
internal static class Fixtures
{
    /// <summary><c>access_token=…&amp;expires_in=7776000&amp;refresh_token=…</c></summary>
    public static byte[] TokenForm => Load("token-form");

    /// <summary><c>{"access_token":"…","expires_in":"5184000","refresh_token":"…"}</c></summary>
    public static byte[] TokenJson => Load("token-json");

    /// <summary><c>callback( {"client_id":"…","openid":"…"} );\n</c></summary>
    public static byte[] MeJsonp => Load("me-jsonp");

    /// <summary><c>{"client_id":"…","openid":"…"}</c></summary>
    public static byte[] MeJson => Load("me-json");

    /// <summary>A complete, tab-indented get_user_info answer with slash-escaped URLs (780 bytes).</summary>
    public static byte[] UserInfoFull => Load("userinfo-full");

    private static byte[] Load(string name)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Fixture {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
