using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Tests.Infrastructure;

namespace QqConnect.AspNetCore.Tests;

/// <summary>AddQqConnect(section): every handler key bound without reflection, messages naming the configuration key.</summary>
public sealed class ConfigurationTests
{
    private const string SecretKey = "secret-app-key-value-7f3a";

    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>("QqConnect:" + value.Key, value.Value)))
            .Build()
            .GetSection("QqConnect");

    private static QqConnectAuthenticationOptions Bind(IConfigurationSection section, string scheme = "QQ", Action<QqConnectAuthenticationOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var authentication = services.AddAuthentication();
        if (configure is null)
        {
            if (scheme == "QQ")
            {
                authentication.AddQqConnect(section);
            }
            else
            {
                authentication.AddQqConnect(scheme, section);
            }
        }
        else
        {
            authentication.AddQqConnect(section, configure);
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<QqConnectAuthenticationOptions>>().Get(scheme);
    }

    [Fact]
    public void Section_EveryHandlerKey_IsBound()
    {
        var options = Bind(Section(
            ("AppId", "100000002"),
            ("AppKey", SecretKey),
            ("BaseAddress", "http://127.0.0.1:5380/"),
            ("Scopes:0", "get_user_info"),
            ("Scopes:1", "get_vip_info"),
            ("Display", "mobile"),
            ("RequestUnionId", "true"),
            ("UseUnionIdAsNameIdentifier", "True"),
            ("SaveTokens", "true"),
            ("CallbackPath", "/signin-qq-web")));

        Assert.Equal("100000002", options.AppId);
        Assert.Equal(SecretKey, options.AppKey);
        Assert.Equal(new Uri("http://127.0.0.1:5380/"), options.BaseAddress);
        Assert.Equal(["get_user_info", "get_vip_info"], options.Scopes);
        Assert.Equal(QqDisplay.Mobile, options.Display);
        Assert.True(options.RequestUnionId);
        Assert.True(options.UseUnionIdAsNameIdentifier);
        Assert.True(options.SaveTokens);
        Assert.Equal(new PathString("/signin-qq-web"), options.CallbackPath);
    }

    [Fact]
    public void Section_ScopesAsOneCommaSeparatedValue_AreSplit()
    {
        var options = Bind(Section(("AppId", "1"), ("AppKey", "k"), ("Scopes", "get_user_info, get_vip_info")));

        Assert.Equal(["get_user_info", "get_vip_info"], options.Scopes);
    }

    [Fact]
    public void Section_MissingKeys_KeepTheDefaults()
    {
        var options = Bind(Section(("AppId", "1"), ("AppKey", "k")));

        Assert.Null(options.BaseAddress);
        Assert.Empty(options.Scopes);
        Assert.Equal(QqDisplay.Pc, options.Display);
        Assert.False(options.SaveTokens);
        Assert.Equal(new PathString(QqConnectAuthenticationDefaults.CallbackPath), options.CallbackPath);
    }

    [Fact]
    public void SchemeOverload_BindsTheNamedScheme()
    {
        var options = Bind(Section(("AppId", "100000001"), ("AppKey", "k"), ("CallbackPath", "/signin-qq-2")), scheme: "QQ2");

        Assert.Equal("100000001", options.AppId);
        Assert.Equal("/signin-qq-2", options.CallbackPath.Value);
    }

    [Fact]
    public void SectionThenAction_TheActionRunsAfterTheSection()
    {
        var options = Bind(Section(("AppId", "100000001"), ("AppKey", "k"), ("SaveTokens", "true")), configure: options =>
        {
            Assert.Equal("100000001", options.AppId);
            options.SaveTokens = false;
        });

        Assert.False(options.SaveTokens);
    }

    [Theory]
    [InlineData("Display", "tablet", "QqConnect:Display must be Pc or Mobile")]
    [InlineData("RequestUnionId", "yes", "QqConnect:RequestUnionId must be true or false")]
    [InlineData("SaveTokens", "1", "QqConnect:SaveTokens must be true or false")]
    [InlineData("UseUnionIdAsNameIdentifier", "on", "QqConnect:UseUnionIdAsNameIdentifier must be true or false")]
    [InlineData("BaseAddress", "graph.qq.com", "QqConnect:BaseAddress must be an absolute http or https URL")]
    [InlineData("BaseAddress", "ftp://graph.qq.com/", "QqConnect:BaseAddress must be an absolute http or https URL")]
    [InlineData("CallbackPath", "signin-qq", "QqConnect:CallbackPath must be a path starting with '/'")]
    public void Section_MalformedValue_NamesTheKeyAndWhatItExpects_WithoutTheAppKey(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(Section(("AppId", "1"), ("AppKey", SecretKey), (key, value))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SecretKey, "QqConnect:AppId is required")]
    [InlineData("100000001", null, "QqConnect:AppKey is required")]
    public async Task Section_MissingAppIdOrKey_FailsAtStartUpNamingTheKey(string? appId, string? appKey, string expected)
    {
        var section = Section(("AppId", appId), ("AppKey", appKey));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestSite.StartAsync(
            addDefaultScheme: false,
            configureServices: (_, authentication, _) => authentication.AddQqConnect(section)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_LogsInAgainstTheEmulator()
    {
        var emulator = new QqConnectEmulator();
        var section = Section(("AppId", QqConnectEmulatorOptions.DefaultAppId), ("AppKey", QqConnectEmulatorOptions.DefaultAppKey), ("SaveTokens", "true"));
        await using var site = await TestSite.StartAsync(
            emulator: emulator,
            addDefaultScheme: false,
            configureServices: (_, authentication, _) => authentication.AddQqConnect(section, options => options.BackchannelHttpHandler = emulator.CreateHandler()));
        using var browser = site.NewBrowser();

        var (_, _, response) = await LoginSteps.LoginAsync(browser, emulator);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access_token=", await (await browser.GetAsync("/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
