namespace QqConnect.BrowserTests.Templates;

/// <summary>One generated template site and Chromium, for the tests of one template.</summary>
public abstract class TemplateSiteFixture : BrowserFixture
{
    private TemplateSite? _site;

    /// <summary>The running site.</summary>
    internal SampleProcess Site => Sample;

    /// <summary>The template's login page, where the QQ button is.</summary>
    public abstract string LoginPath { get; }

    /// <summary>The template's Register page (e-mail and password).</summary>
    public string RegisterPath => LoginPath[..LoginPath.LastIndexOf('/')] + "/Register";

    /// <summary>The template's Manage pages (Manage → External logins is <c>{ManagePath}/ExternalLogins</c>).</summary>
    public string ManagePath => LoginPath[..LoginPath.LastIndexOf('/')] + "/Manage";

    /// <summary>The template's page that QQ's login comes back to (it asks for an e-mail to finish).</summary>
    public abstract string ExternalLoginPath { get; }

    private protected abstract string Template { get; }

    /// <summary>Adds the documented lines to the template's Program.cs.</summary>
    private protected abstract string Wire(string program);

    /// <summary>Ends the generated project's name (a second site of the same template).</summary>
    private protected virtual string NameSuffix => "";

    /// <summary>The documented steps after Program.cs, in the site's folder; none by default.</summary>
    private protected virtual Task BeforeBuildAsync(string directory) => Task.CompletedTask;

    private protected override async Task<SampleProcess> StartSampleAsync()
    {
        _site = await TemplateSite.CreateAsync(Template, Wire, NameSuffix, BeforeBuildAsync);
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

    private protected static int IndexOf(string program, string anchor)
    {
        var at = program.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The template's Program.cs no longer has '{anchor}'.");
        return at;
    }

    /// <summary>
    /// The C# block that docs/getting-started.md shows after <c>&lt;!-- snippet: {name} --&gt;</c>: the test adds what
    /// the documentation says, not a copy of it.
    /// </summary>
    private protected static string DocumentedBlock(string name) => Documented(name, "getting-started.md", "snippet");

    /// <summary>
    /// The block that docs/<paramref name="document"/> shows after <c>&lt;!-- {kind}: {name} --&gt;</c>
    /// (<c>snippet</c> for C#, <c>commands</c> for shell lines).
    /// </summary>
    internal static string Documented(string name, string document, string kind)
    {
        var lines = File.ReadAllLines(Path.Combine(SampleProcess.RepositoryRoot, "docs", document));
        var marker = Array.IndexOf(lines, $"<!-- {kind}: {name} -->");
        Assert.True(marker >= 0 && lines[marker + 1].StartsWith("```", StringComparison.Ordinal), $"docs/{document} has no block '{name}'.");
        var end = Array.FindIndex(lines, marker + 2, line => line.StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', lines[(marker + 2)..end]);
    }
}

/// <summary><c>dotnet new webapp --auth Individual</c>: Razor Pages and Identity UI.</summary>
public class WebappTemplateFixture : TemplateSiteFixture
{
    public override string LoginPath => "/Identity/Account/Login";

    public override string ExternalLoginPath => "/Identity/Account/ExternalLogin";

    private protected override string Template => "webapp";

    // docs/getting-started.md, "In the standard Identity templates": the lines after AddDefaultIdentity(...).
    private protected override string Wire(string program)
    {
        const string anchor = ".AddEntityFrameworkStores<ApplicationDbContext>();";
        return program.Insert(IndexOf(program, anchor) + anchor.Length, "\n\n" + DocumentedBlock("development-login"));
    }
}

/// <summary><c>dotnet new blazor --auth Individual</c>: a Blazor Web App with the Identity components.</summary>
public class BlazorTemplateFixture : TemplateSiteFixture
{
    public override string LoginPath => "/Account/Login";

    public override string ExternalLoginPath => "/Account/ExternalLogin";

    private protected override string Template => "blazor";

    // docs/getting-started.md, "In the standard Identity templates": the template's AddAuthentication(...) statement
    // replaced by the documented one, which chains QQ before AddIdentityCookies().
    private protected override string Wire(string program)
    {
        var start = IndexOf(program, "builder.Services.AddAuthentication(");
        const string last = ".AddIdentityCookies();";
        var end = program.IndexOf(last, start, StringComparison.Ordinal);
        Assert.True(end > start, "The template's AddAuthentication(...) statement no longer ends with AddIdentityCookies().");
        return program[..start] + DocumentedBlock("development-login-blazor") + program[(end + last.Length)..];
    }
}
