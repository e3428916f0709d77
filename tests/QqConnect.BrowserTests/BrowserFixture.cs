using Microsoft.Playwright;

namespace QqConnect.BrowserTests;

/// <summary>One sample process and one headless Chromium for the browser tests; each test gets its own browser context.</summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian's chromium package (apt-get install -y chromium), or the browser named by QQCONNECT_CHROMIUM_PATH.
    /// Playwright's own browser download is never used.
    /// </summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("QQCONNECT_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Set to 1 (CI does) to make a missing browser a failure instead of a skip.</summary>
    public const string RequireBrowserVariable = "QQCONNECT_REQUIRE_BROWSER";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private SampleProcess? _sample;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal SampleProcess Sample => _sample ?? throw new InvalidOperationException("The sample did not start.");

    public async Task InitializeAsync()
    {
        // The sample and the browser start side by side.
        var sample = StartSampleAsync();
        try
        {
            if (File.Exists(ChromiumPath))
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = ChromiumArgs,
                    Timeout = 30_000,
                });
            }

            // Without the browser, each browser test skips (or fails under QQCONNECT_REQUIRE_BROWSER=1) in NewPageAsync.
        }
        finally
        {
            _sample = await sample;
        }
    }

    /// <summary>Starts the sample the tests run against: the hand-wired one unless a derived fixture says otherwise.</summary>
    private protected virtual Task<SampleProcess> StartSampleAsync() => SampleProcess.StartBuiltAsync(TimeSpan.FromSeconds(30));

    /// <summary>A page in a fresh browser context (no cookies), or a skip when there is no browser.</summary>
    public async Task<IPage> NewPageAsync()
    {
        RequireBrowser();
        var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }
    }

    private void RequireBrowser()
    {
        if (_browser is not null)
        {
            return;
        }

        var message = $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
        if (Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1")
        {
            Assert.Fail($"{message} ({RequireBrowserVariable}=1 makes this a failure.)");
        }

        Skip.If(true, message);
    }
}
