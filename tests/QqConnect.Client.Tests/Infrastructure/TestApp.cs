using System.Net;
using System.Net.Http.Headers;
using RichardSzalay.MockHttp;

namespace QqConnect.Client.Tests.Infrastructure;

/// <summary>The fake app every test uses, and a strict fake network in front of it.</summary>
internal static class TestApp
{
    public const string AppId = "101000001";
    public const string AppKey = "TESTAPPKEY0123456789abcdefSECRET";
    public const string RedirectUri = "https://example.com/signin-qq?from=qq";
    public const string EscapedRedirectUri = "https%3A%2F%2Fexample.com%2Fsignin-qq%3Ffrom%3Dqq";
    public const string Code = "CODE9F8E7D6C5B4A39281706F5E4D3C2";
    public const string AccessToken = "FE04A1B2C3D4E5F60718293A4B5CCCE2";
    public const string RefreshToken = "88E4A1B2C3D4E5F60718293A4B5CBE14";
    public const string OpenId = "4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B";
    public const string Graph = "https://graph.qq.com";

    /// <summary>Every secret a test sends or receives, for "never leaks" assertions.</summary>
    public static readonly string[] Secrets = [AppKey, Code, AccessToken, RefreshToken];

    public static QqConnectOptions Options(Action<QqConnectOptions>? configure = null)
    {
        var options = new QqConnectOptions { AppId = AppId, AppKey = AppKey, RedirectUri = RedirectUri };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A MockHttp handler that fails the test on any request nobody expected.</summary>
    public static MockHttpMessageHandler StrictNetwork()
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.Throw(new InvalidOperationException("The test did not expect this request."));
        return mock;
    }

    public static QqConnectClient Client(MockHttpMessageHandler network, Action<QqConnectOptions>? configure = null, TimeProvider? time = null) =>
        new(new HttpClient(network), Options(configure), time, logger: null);

    /// <summary>Answers like QQ: HTTP 200, Content-Type text/html, the fixture's exact bytes.</summary>
    public static void RespondWithFixture(this MockedRequest request, string fixture, HttpStatusCode status = HttpStatusCode.OK) =>
        request.Respond(() => Task.FromResult(Answer(Fixture.Bytes(fixture), status)));

    public static HttpResponseMessage Answer(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        return new HttpResponseMessage(status) { Content = content };
    }

    public static void AssertNoSecrets(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
