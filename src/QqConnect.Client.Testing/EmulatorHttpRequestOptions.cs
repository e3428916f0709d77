namespace QqConnect.Client.Testing;

/// <summary>Per-request settings read by the handler of <see cref="QqConnectEmulator.CreateHandler"/>.</summary>
public static class EmulatorHttpRequestOptions
{
    /// <summary>
    /// The address the emulator is seen at by browsers, when it differs from the request's own scheme, host and port
    /// (say, an emulator served under a path of a site): the links the emulator makes, such as the avatar URLs of
    /// <c>get_user_info</c>, point under it. Set it in <see cref="HttpRequestMessage.Options"/>.
    /// </summary>
    public static readonly HttpRequestOptionsKey<Uri> PublicBaseAddress = new("QqConnect.Client.Testing.PublicBaseAddress");
}
