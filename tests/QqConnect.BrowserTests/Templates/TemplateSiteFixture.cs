namespace QqConnect.BrowserTests.Templates;

/// <summary>One generated template site and Chromium, for the tests of one template.</summary>
public abstract class TemplateSiteFixture : BrowserFixture
{
    private TemplateSite? _site;

    /// <summary>The running site.</summary>
    internal SampleProcess Site => Sample;

    /// <summary>The template's login page, where the QQ button is.</summary>
    public abstract string LoginPath { get; }

    /// <summary>The template's page that QQ's login comes back to (it asks for an e-mail to finish).</summary>
    public abstract string ExternalLoginPath { get; }

    private protected abstract string Template { get; }

    /// <summary>Adds the documented lines to the template's Program.cs.</summary>
    private protected abstract string Wire(string program);

    private protected override async Task<SampleProcess> StartSampleAsync()
    {
        _site = await TemplateSite.CreateAsync(Template, Wire);
        return _site.Process;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    private protected static string InsertAfter(string text, string anchor, string lines)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The template's Program.cs no longer has '{anchor}'.");
        return text.Insert(at + anchor.Length, lines);
    }
}

/// <summary><c>dotnet new webapp --auth Individual</c>: Razor Pages and Identity UI.</summary>
public sealed class WebappTemplateFixture : TemplateSiteFixture
{
    public override string LoginPath => "/Identity/Account/Login";

    public override string ExternalLoginPath => "/Identity/Account/ExternalLogin";

    private protected override string Template => "webapp";

    // docs/getting-started.md, "In the standard templates": after AddDefaultIdentity(...).
    private protected override string Wire(string program) => InsertAfter(program, ".AddEntityFrameworkStores<ApplicationDbContext>();", """

        builder.Services.AddAuthentication()
            .AddQqConnect(builder.Configuration.GetSection("QqConnect"))
            .UseEmulatorInDevelopment();
        """);
}

/// <summary><c>dotnet new blazor --auth Individual</c>: a Blazor Web App with the Identity components.</summary>
public sealed class BlazorTemplateFixture : TemplateSiteFixture
{
    public override string LoginPath => "/Account/Login";

    public override string ExternalLoginPath => "/Account/ExternalLogin";

    private protected override string Template => "blazor";

    // docs/getting-started.md, "In the standard templates": chained before AddIdentityCookies().
    private protected override string Wire(string program)
    {
        const string anchor = "    .AddIdentityCookies();";
        Assert.Contains(anchor, program, StringComparison.Ordinal);
        return program.Replace(anchor, """
                .AddQqConnect(builder.Configuration.GetSection("QqConnect"))
                .UseEmulatorInDevelopment()
                .AddIdentityCookies();
            """, StringComparison.Ordinal);
    }
}
