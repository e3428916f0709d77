using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.DependencyInjection;

/// <summary>
/// A second AddQqConnectClient for the same name used to merge both configurations silently (AppId of the
/// second, AcceptedAppIds of the first): it fails at registration instead, naming the fix.
/// </summary>
public sealed class DuplicateRegistrationTests
{
    [Fact]
    public void AddQqConnectClient_TwiceUnnamed_ThrowsAtTheSecondRegistration()
    {
        var services = new ServiceCollection();
        services.AddQqConnectClient(o =>
        {
            o.AppId = TestApp.AppId;
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = TestApp.RedirectUri;
            o.AcceptedAppIds = ["1019999999"];
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.AddQqConnectClient(o =>
        {
            o.AppId = "101000002";
            o.AppKey = TestApp.AppKey;
            o.RedirectUri = TestApp.RedirectUri;
        }));

        Assert.Contains("AddQqConnectClient", error.Message, StringComparison.Ordinal);
        Assert.Contains("already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQqConnectClient_SameNameFromCodeAndConfiguration_Throws()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppId"] = TestApp.AppId, ["AppKey"] = TestApp.AppKey, ["RedirectUri"] = TestApp.RedirectUri,
        }).Build();
        services.AddQqConnectClient("web", configuration);

        var error = Assert.Throws<InvalidOperationException>(() => services.AddQqConnectClient("web", o => o.AppId = "101000002"));

        Assert.Contains("\"web\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQqConnectClient_DifferentNames_AreBothRegistered()
    {
        var services = new ServiceCollection();
        services.AddQqConnectClient("web", o => { o.AppId = TestApp.AppId; o.AppKey = TestApp.AppKey; o.RedirectUri = TestApp.RedirectUri; });
        services.AddQqConnectClient("mobile", o => { o.AppId = "101000002"; o.AppKey = TestApp.AppKey; o.RedirectUri = TestApp.RedirectUri; });
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IQqConnectClientFactory>();

        Assert.NotNull(factory.CreateClient("web"));
        Assert.NotNull(factory.CreateClient("mobile"));
    }
}
