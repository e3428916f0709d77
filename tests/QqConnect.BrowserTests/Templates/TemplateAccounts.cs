namespace QqConnect.BrowserTests.Templates;

/// <summary>
/// The steps of docs/account-binding.md, "In the standard templates", applied to a generated site: the documented
/// commands run as written, the documented C# blocks put where the document says.
/// </summary>
internal static class TemplateAccounts
{
    private const string Document = "account-binding.md";

    /// <summary>Program.cs: the template's Identity statement with the documented line added, and the map line before <c>app.Run();</c>.</summary>
    public static string WireProgram(string program, string identityBlock, string userType)
    {
        program = program.ReplaceLineEndings("\n");
        var block = Block(identityBlock);
        var lines = block.Split('\n').ToList();
        var added = lines.FindIndex(line => line.Contains(".AddQqConnectAccounts<", StringComparison.Ordinal));
        Assert.True(added > 0, $"'{identityBlock}' has no AddQqConnectAccounts line.");
        // The block is the template's own statement plus its last line: the template must still have the rest as it is.
        Assert.True(added == lines.Count - 1 && lines[added].EndsWith(';'), $"'{identityBlock}' does not end with the AddQqConnectAccounts line.");
        var withoutAdded = string.Join('\n', lines.Take(added)) + ";";
        var at = program.IndexOf(withoutAdded, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The template's Program.cs no longer has the statement that '{identityBlock}' extends:\n{withoutAdded}");
        program = program[..at] + block + program[(at + withoutAdded.Length)..];

        const string run = "app.Run();";
        var runAt = program.LastIndexOf(run, StringComparison.Ordinal);
        Assert.True(runAt >= 0, "The template's Program.cs no longer ends with app.Run();");
        return program.Insert(runAt, ForUser(Block("template-accounts-map"), userType) + "\n\n");
    }

    /// <summary>
    /// The documented steps after Program.cs: the packages, the context's override, the migration (with the
    /// repository's dotnet-ef as the local tool of the sites' folder).
    /// </summary>
    public static async Task ApplyAsync(string directory, string userType, bool addIdentityUsing)
    {
        await RunCommandsAsync(directory, "template-accounts-packages");
        await WireDbContextAsync(directory, userType, addIdentityUsing);
        await TemplateSite.RestoreToolsOnceAsync();
        await RunCommandsAsync(directory, "template-accounts-migration");
    }

    /// <summary>Data/ApplicationDbContext.cs: the documented override in the class body (and the using, for webapp).</summary>
    public static async Task WireDbContextAsync(string directory, string userType, bool addIdentityUsing)
    {
        var path = Path.Combine(directory, "Data", "ApplicationDbContext.cs");
        var text = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        var type = text.IndexOf("class ApplicationDbContext", StringComparison.Ordinal);
        Assert.True(type >= 0, "The template has no ApplicationDbContext class.");
        var body = text.IndexOf('{', type);
        Assert.True(body > type && text[(body + 1)..].TrimStart().StartsWith('}'), "The template's ApplicationDbContext is no longer empty.");
        var method = string.Join('\n', ForUser(Block("template-accounts-model"), userType).Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
        text = text.Insert(body + 1, "\n" + method);
        if (addIdentityUsing)
        {
            text = "using Microsoft.AspNetCore.Identity;\n" + text.TrimStart('\uFEFF');
        }

        await File.WriteAllTextAsync(path, text);
    }

    /// <summary>Runs the <c>dotnet …</c> lines of a documented command block in the site's folder.</summary>
    public static async Task RunCommandsAsync(string directory, string name)
    {
        var commands = Block(name, "commands").Split('\n').Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            if (args is ["add", "package", var package] && package.StartsWith("QqConnect.", StringComparison.Ordinal))
            {
                // This build's version from the local feed (a prerelease suffix is not picked without it).
                args = [.. args, "--version", await TemplateSite.PackageVersionAsync()];
            }

            await TemplateSite.DotnetAsync(directory, TimeSpan.FromMinutes(6), args);
        }
    }

    private static string Block(string name, string kind = "snippet") => TemplateSiteFixture.Documented(name, Document, kind);

    // The document writes the webapp's IdentityUser; the Blazor template's user type is its ApplicationUser.
    private static string ForUser(string block, string userType) => block.Replace("IdentityUser", userType, StringComparison.Ordinal);
}
