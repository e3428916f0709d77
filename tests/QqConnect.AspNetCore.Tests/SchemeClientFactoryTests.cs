using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>The client a scheme uses, as the application gets it for calls after the login.</summary>
public sealed class SchemeClientFactoryTests
{
    private const string Code = "0123456789ABCDEF0123456789ABCDEF";

    [Fact]
    public async Task CreateClient_SchemeWithClientName_GivesThatRegistrationsClient()
    {
        var shared = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddQqConnectClient("shared", options =>
        {
            options.AppId = "100000333";
            options.AppKey = "shared-app-key";
            options.BaseAddress = new Uri("https://shared.invalid/");
            options.RedirectUri = "https://site.invalid/signin-qq";
        }).ConfigurePrimaryHttpMessageHandler(() => shared);
        services.AddAuthentication().AddCookie().AddQqConnect("QQ-shared", options => options.ClientName = "shared");

        var request = await FirstCallAsync(services, "QQ-shared", shared);

        Assert.Equal("shared.invalid", request.Host);
        Assert.Equal("100000333", LoginSteps.Query(request, "client_id"));
    }

    [Fact]
    public async Task CreateClient_SchemeWithAppIdAndKey_GivesItsOwnClient()
    {
        var own = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddAuthentication().AddCookie().AddQqConnect("QQ", options =>
        {
            options.AppId = "100000444";
            options.AppKey = "own-app-key";
            options.BaseAddress = new Uri("https://own.invalid/");
            options.BackchannelHttpHandler = own;
        });

        var request = await FirstCallAsync(services, "QQ", own);

        Assert.Equal("own.invalid", request.Host);
        Assert.Equal("100000444", LoginSteps.Query(request, "client_id"));
    }

    [Theory]
    [InlineData("Cookies")]
    [InlineData("QQ-nobody")]
    public async Task CreateClient_NotAQqScheme_ThrowsNamingIt(string scheme)
    {
        var services = new ServiceCollection();
        services.AddAuthentication().AddCookie().AddQqConnect(options =>
        {
            options.AppId = "100000444";
            options.AppKey = "own-app-key";
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IQqConnectSchemeClientFactory>().CreateClient(scheme));

        Assert.Contains($"'{scheme}'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Makes one call (a code exchange) with the scheme's client; returns where <paramref name="recorder"/> saw it sent.</summary>
    private static async Task<Uri> FirstCallAsync(ServiceCollection services, string scheme, RecordingHandler recorder)
    {
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IQqConnectSchemeClientFactory>().CreateClient(scheme);
        await Assert.ThrowsAnyAsync<QqConnectException>(() => client.ExchangeCodeAsync(Code, "https://site.invalid/signin-qq"));
        return Assert.Single(recorder.Requests);
    }

    /// <summary>Answers every call with QQ's "code reused" error, remembering where it was sent.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"error":100020,"error_description":"code is reused error"}"""),
            });
        }
    }
}
