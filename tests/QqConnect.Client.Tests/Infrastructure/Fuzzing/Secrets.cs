using QqConnect.Client.Transport;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>The two secrets a <see cref="CallContext"/> carries: the app key and the call's code or token.</summary>
internal sealed record Secrets(string AppKey, string Secret)
{
    public string[] All() => [AppKey, Secret];
}
