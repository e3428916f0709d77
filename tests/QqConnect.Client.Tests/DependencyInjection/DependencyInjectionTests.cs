using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QqConnect.Client.Configuration;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.DependencyInjection;

public sealed class DependencyInjectionTests
{
    private static void Configure(QqConnectOptions options)
    {
        options.AppId = TestApp.AppId;
        options.AppKey = TestApp.AppKey;
        options.RedirectUri = TestApp.RedirectUri;
    }

    [Fact]
    public async Task AddQqConnectClient_Resolved_SendsThroughTheFactoryClientWithAddedHandlers()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").WithExactQueryString($"access_token={TestApp.AccessToken}&fmt=json").RespondWithFixture("me/jsonp-success.txt");
        var services = new ServiceCollection();
        services.AddQqConnectClient(Configure).ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IQqConnectClient>();
        var openId = await client.GetOpenIdAsync(TestApp.AccessToken);

        Assert.IsType<QqConnectClient>(client);
        Assert.Equal(TestApp.OpenId, openId.OpenId);
        network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddQqConnectClient_DefaultHeaderSetWithConfigureHttpClient_IsSent()
    {
        // Without HttpClient settings the calls go straight to the handler pipeline; with them, through the HttpClient.
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").WithHeaders("X-Site", "example").RespondWithFixture("me/json-success.txt");
        var services = new ServiceCollection();
        services.AddQqConnectClient(Configure)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Site", "example"))
            .ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IQqConnectClient>().GetOpenIdAsync(TestApp.AccessToken);

        network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddQqConnectClient_DefaultHeaderSetWithConfigureHttpClientDefaults_IsSent()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").WithHeaders("X-Site", "everyone").RespondWithFixture("me/json-success.txt");
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.DefaultRequestHeaders.Add("X-Site", "everyone")));
        services.AddQqConnectClient(Configure).ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IQqConnectClient>().GetOpenIdAsync(TestApp.AccessToken);

        network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddQqConnectClient_HttpClientHasNoTimeoutOfItsOwn_TheSdksTimeoutsGovern()
    {
        // HttpClient's default 100 s would cap a longer Resilience.TotalTimeout and cost a second timer per request.
        var services = new ServiceCollection();
        services.AddQqConnectClient(Configure);
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(QqConnect.Client.DependencyInjection.QqConnectClientFactory.HttpClientName(""));

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task AddQqConnectClient_TimeoutSetWithConfigureHttpClient_StillApplies()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/oauth2.0/me").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        });
        var services = new ServiceCollection();
        services.AddQqConnectClient(options =>
            {
                Configure(options);
                options.Resilience.Enabled = false;
            })
            .ConfigureHttpClient(http => http.Timeout = TimeSpan.FromMilliseconds(200))
            .ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<QqConnectException>(() => provider.GetRequiredService<IQqConnectClient>().GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(QqConnectErrorKind.Timeout, error.Kind);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task AddQqConnectClient_ConfigurationReloaded_NextClientUsesTheNewOptions()
    {
        // Clients share parts built once per options instance; a reload gives a new instance and new parts.
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["AppId"] = TestApp.AppId, ["AppKey"] = TestApp.AppKey, ["RedirectUri"] = TestApp.RedirectUri },
        };
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection();
        services.AddQqConnectClient(configuration);
        await using var provider = services.BuildServiceProvider();
        var before = provider.GetRequiredService<IQqConnectClient>().BuildAuthorizeUrl("s");
        var same = provider.GetRequiredService<IQqConnectClient>().BuildAuthorizeUrl("s");

        configuration["AppId"] = "101000002";
        configuration.Reload();
        var after = provider.GetRequiredService<IQqConnectClient>().BuildAuthorizeUrl("s");

        Assert.Equal(before, same);
        Assert.Contains("client_id=101000001&", before.Query, StringComparison.Ordinal);
        Assert.Contains("client_id=101000002&", after.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQqConnectClient_MissingAppKey_FailsAtStartUpValidation()
    {
        var services = new ServiceCollection();
        services.AddQqConnectClient(o => o.AppId = TestApp.AppId);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.Contains("AppKey", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("RedirectUri", StringComparison.Ordinal));
    }

    [Fact]
    public void AddQqConnectClient_RelativeRedirectUri_FailsAtStartUpValidation()
    {
        var services = new ServiceCollection();
        services.AddQqConnectClient(o =>
        {
            Configure(o);
            o.RedirectUri = "/signin-qq";
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task AddQqConnectClient_ConfigurationSection_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QqConnect:AppId"] = TestApp.AppId,
            ["QqConnect:AppKey"] = TestApp.AppKey,
            ["QqConnect:RedirectUri"] = TestApp.RedirectUri,
            ["QqConnect:BaseAddress"] = "http://127.0.0.1:5380/",
            ["QqConnect:Scopes:0"] = "get_user_info",
            ["QqConnect:Scopes:1"] = "list_album",
            ["QqConnect:RequestUnionId"] = "true",
            ["QqConnect:UseJsonFormat"] = "false",
            ["QqConnect:MaxResponseBodySize"] = "2048",
        }).Build();
        var services = new ServiceCollection();
        services.AddQqConnectClient(configuration.GetSection("QqConnect"));
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptionsMonitor<QqConnectOptions>>().Get(Options.DefaultName);

        Assert.Equal(TestApp.AppId, options.AppId);
        Assert.Equal(TestApp.AppKey, options.AppKey);
        Assert.Equal(TestApp.RedirectUri, options.RedirectUri);
        Assert.Equal(new Uri("http://127.0.0.1:5380/"), options.BaseAddress);
        Assert.Equal(["get_user_info", "list_album"], options.Scopes);
        Assert.True(options.RequestUnionId);
        Assert.False(options.UseJsonFormat);
        Assert.Equal(2048, options.MaxResponseBodySize);
    }

    [Fact]
    public void AddQqConnectClient_CommaSeparatedScopesInConfiguration_AreSplit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppId"] = TestApp.AppId, ["AppKey"] = TestApp.AppKey, ["RedirectUri"] = TestApp.RedirectUri, ["Scopes"] = "get_user_info, add_share",
        }).Build();
        var services = new ServiceCollection();
        services.AddQqConnectClient(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["get_user_info", "add_share"], provider.GetRequiredService<IOptions<QqConnectOptions>>().Value.Scopes);
    }

    [Fact]
    public void AddQqConnectClient_BadBooleanInConfiguration_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RequestUnionId"] = "yes" }).Build();
        var services = new ServiceCollection();
        services.AddQqConnectClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<QqConnectOptions>>().Value);

        Assert.Contains("RequestUnionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQqConnectClient_TwoNamedApps_EachClientUsesItsOwnAppId()
    {
        var network = TestApp.StrictNetwork();
        network.Expect($"{TestApp.Graph}/user/get_user_info").WithQueryString("oauth_consumer_key", "1001").RespondWithFixture("userinfo/full-pretty.json");
        network.Expect($"{TestApp.Graph}/user/get_user_info").WithQueryString("oauth_consumer_key", "2002").RespondWithFixture("userinfo/old-minimal.json");
        var services = new ServiceCollection();
        services.AddQqConnectClient("web", o => { Configure(o); o.AppId = "1001"; }).ConfigurePrimaryHttpMessageHandler(() => network);
        services.AddQqConnectClient("mobile", o => { Configure(o); o.AppId = "2002"; }).ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var factory = provider.GetRequiredService<IQqConnectClientFactory>();

        var web = await factory.CreateClient("web").GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);
        var mobile = await factory.CreateClient("mobile").GetUserInfoAsync(TestApp.AccessToken, TestApp.OpenId);

        Assert.Equal(("小明", "qzuser"), (web.Nickname, mobile.Nickname));
        Assert.Null(provider.GetService<IQqConnectClient>());
        network.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public void AddQqConnectClient_TwoApps_RegisterTheSharedServicesOnce()
    {
        var services = new ServiceCollection();

        services.AddQqConnectClient(Configure);
        services.AddQqConnectClient("mobile", Configure);

        Assert.Single(services, d => d.ServiceType == typeof(IQqConnectClient));
        Assert.Single(services, d => d.ServiceType == typeof(IQqConnectClientFactory));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<QqConnectOptions>) && d.ImplementationType == typeof(QqConnectOptionsValidator));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddQqConnectClient_AppRegisteredTimeProvider_IsKept()
    {
        var services = new ServiceCollection();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        services.AddSingleton<TimeProvider>(time);

        services.AddQqConnectClient(Configure);

        using var provider = services.BuildServiceProvider();
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }
}
