using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Tests;

/// <summary>The C# API refuses the same settings the command line refuses, where they are made.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(199)]
    [InlineData(600)]
    [InlineData(99999)]
    public void Faults_Add_StatusCodeOutsideHttp_IsRefused(int status)
    {
        using var h = new Harness();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.ServerError, StatusCode = status }));

        Assert.Equal("fault", error.ParamName);
        Assert.Equal(status, error.ActualValue);
        Assert.Equal(0, h.Emulator.Faults.Count);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(599)]
    public async Task Faults_Add_StatusCodeAtTheEdgesOfHttp_IsServed(int status)
    {
        using var h = new Harness();

        h.Emulator.Faults.Add(new EmulatorFault { Kind = EmulatorFaultKind.CustomBody, StatusCode = status, Body = "x" });
        using var response = await h.Http.GetAsync(new Uri("oauth2.0/me?access_token=x", UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
    }

    public static TheoryData<string, TimeSpan> BadLifetimes() => new()
    {
        { nameof(QqConnectEmulatorOptions.CodeLifetime), TimeSpan.Zero },
        { nameof(QqConnectEmulatorOptions.CodeLifetime), TimeSpan.FromSeconds(-1) },
        { nameof(QqConnectEmulatorOptions.AccessTokenLifetime), TimeSpan.Zero },
        { nameof(QqConnectEmulatorOptions.AccessTokenLifetime), TimeSpan.FromSeconds(int.MaxValue + 1L) },
        { nameof(QqConnectEmulatorOptions.RefreshTokenLifetime), TimeSpan.FromTicks(-1) },
        { nameof(QqConnectEmulatorOptions.RefreshTokenLifetime), TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(BadLifetimes))]
    public void Options_LifetimeZeroNegativeOrBeyond68Years_IsRefused(string name, TimeSpan value)
    {
        var options = new QqConnectEmulatorOptions();
        var before = Lifetimes(options);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Set(options, name, value));

        Assert.Equal(name, error.ParamName);
        Assert.Equal(before, Lifetimes(options));
    }

    [Fact]
    public void Options_LifetimesFromOneSecondTo68Years_AreKept()
    {
        var options = new QqConnectEmulatorOptions
        {
            CodeLifetime = TimeSpan.FromSeconds(1),
            AccessTokenLifetime = TimeSpan.FromSeconds(int.MaxValue),
            RefreshTokenLifetime = TimeSpan.FromTicks(1),
        };

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(int.MaxValue), TimeSpan.FromTicks(1)), Lifetimes(options));
    }

    [Fact]
    public void App_WithoutCallbackDomains_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmulatorApp("1", "k"));

        Assert.Equal("callbackDomains", error.ParamName);
        Assert.Contains("100010", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void App_WithABlankCallbackDomain_IsRefused(string? domain)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmulatorApp("1", "k", "localhost", domain!));

        Assert.Equal("callbackDomains", error.ParamName);
    }

    private static (TimeSpan Code, TimeSpan Access, TimeSpan Refresh) Lifetimes(QqConnectEmulatorOptions options) =>
        (options.CodeLifetime, options.AccessTokenLifetime, options.RefreshTokenLifetime);

    private static void Set(QqConnectEmulatorOptions options, string name, TimeSpan value)
    {
        switch (name)
        {
            case nameof(QqConnectEmulatorOptions.CodeLifetime):
                options.CodeLifetime = value;
                break;
            case nameof(QqConnectEmulatorOptions.AccessTokenLifetime):
                options.AccessTokenLifetime = value;
                break;
            default:
                options.RefreshTokenLifetime = value;
                break;
        }
    }
}
