namespace QqConnect.BrowserTests.Templates;

/// <summary>
/// A site made by the installed SDK's <c>dotnet new {template} --auth Individual</c>, given QQ登录 the way
/// docs/getting-started.md says (the two packages from a feed of this build's packages, and the documented lines in
/// Program.cs), built, and running in the Development environment on a free loopback port.
/// </summary>
internal sealed class TemplateSite : IAsyncDisposable
{
    private static readonly SemaphoreSlim FeedLock = new(1, 1);
    private static (string Root, string Version)? s_feed;

    private readonly string _directory;
    private readonly SampleProcess _process;

    private TemplateSite(string directory, SampleProcess process)
    {
        _directory = directory;
        _process = process;
    }

    /// <summary>The running site.</summary>
    public SampleProcess Process => _process;

    /// <summary>Generates, wires, builds and starts a site from <paramref name="template"/> (<c>webapp</c> or <c>blazor</c>).</summary>
    /// <param name="template">The short name of the template.</param>
    /// <param name="wire">Edits the generated Program.cs text: adds the documented lines.</param>
    /// <param name="nameSuffix">Ends the site's project name, so that two sites of one template can exist side by side.</param>
    /// <param name="beforeBuild">The documented steps after Program.cs (more files, packages, migrations), in the site's folder.</param>
    public static async Task<TemplateSite> CreateAsync(string template, Func<string, string> wire, string nameSuffix = "", Func<string, Task>? beforeBuild = null)
    {
        var (root, version) = await PackOnceAsync();
        var name = "QqTemplate" + char.ToUpperInvariant(template[0]) + template[1..] + nameSuffix;
        var directory = Path.Combine(root, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        await DotnetAsync(root, TimeSpan.FromMinutes(3), "new", template, "--auth", "Individual", "-o", directory, "-n", name);
        foreach (var package in new[] { "QqConnect.AspNetCore", "QqConnect.AspNetCore.Emulator" })
        {
            await DotnetAsync(directory, TimeSpan.FromMinutes(5), "add", "package", package, "--version", version);
        }

        var program = Path.Combine(directory, "Program.cs");
        var original = await File.ReadAllTextAsync(program);
        var wired = wire(original);
        Assert.NotEqual(original, wired);
        await File.WriteAllTextAsync(program, wired);
        if (beforeBuild is not null)
        {
            await beforeBuild(directory);
        }

        await DotnetAsync(directory, TimeSpan.FromMinutes(6), "build", "-c", "Release", "--nologo", "-v", "quiet");
        var process = await SampleProcess.StartAppAsync(
            Path.Combine(directory, "bin", "Release", "net10.0", name + ".dll"),
            directory,
            TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        return new TemplateSite(directory, process);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder.
        }
    }

    // The packages as users get them, packed once per test run (an incremental build of each target framework) into a feed that a
    // nuget.config beside the sites names for QqConnect.* (eng/lib/local-feed.sh writes it, as for the package test).
    private static async Task<(string Root, string Version)> PackOnceAsync()
    {
        await FeedLock.WaitAsync();
        try
        {
            if (s_feed is { } feed)
            {
                return feed;
            }

            var root = Path.Combine(Path.GetTempPath(), "qqconnect-templates-" + Guid.NewGuid().ToString("N")[..8]);
            var packages = Path.Combine(root, "feed");
            Directory.CreateDirectory(packages);
            foreach (var project in new[] { "QqConnect.Client", "QqConnect.Client.Testing", "QqConnect.AspNetCore", "QqConnect.AspNetCore.Emulator", "QqConnect.AspNetCore.Identity" })
            {
                await DotnetAsync(SampleProcess.RepositoryRoot, TimeSpan.FromMinutes(3), "pack", Path.Combine("src", project), "-c", SampleProcess.Configuration, "-o", packages, "--nologo", "-v", "quiet");
            }

            var emulatorPackage = Directory.GetFiles(packages, "QqConnect.AspNetCore.Emulator.*.nupkg").Single(file => !file.EndsWith(".snupkg", StringComparison.Ordinal));
            var version = Path.GetFileNameWithoutExtension(emulatorPackage)["QqConnect.AspNetCore.Emulator.".Length..];

            var (exit, stdout, stderr) = await RunAsync("bash", root, "-c", "source \"$0\" && write_local_feed_config \"$1\" \"$2\"",
                Path.Combine(SampleProcess.RepositoryRoot, "eng", "lib", "local-feed.sh"), root, packages);
            Assert.True(exit == 0, "write_local_feed_config failed: " + stdout + stderr);

            s_feed = (root, version);
            return (root, version);
        }
        finally
        {
            FeedLock.Release();
        }
    }

    /// <summary>The version of this build's packages in the local feed.</summary>
    public static async Task<string> PackageVersionAsync() => (await PackOnceAsync()).Version;

    /// <summary>
    /// The repository's dotnet-tools.json (dotnet-ef) as the local tool manifest of the folder the sites are made in,
    /// restored once, so that <c>dotnet ef</c> runs in a site's folder as the documentation writes it.
    /// </summary>
    public static async Task RestoreToolsOnceAsync()
    {
        var (root, _) = await PackOnceAsync();
        await FeedLock.WaitAsync();
        try
        {
            var manifest = Path.Combine(root, ".config", "dotnet-tools.json");
            if (File.Exists(manifest))
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
            File.Copy(Path.Combine(SampleProcess.RepositoryRoot, "dotnet-tools.json"), manifest);
            await DotnetAsync(root, TimeSpan.FromMinutes(5), "tool", "restore");
        }
        finally
        {
            FeedLock.Release();
        }
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>; a non-zero exit fails the test.</summary>
    public static async Task DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var (exit, stdout, stderr) = await SampleProcess.RunDotnetToExitAsync(workingDirectory, Quiet, timeout, args);
        Assert.True(exit == 0, $"'dotnet {string.Join(' ', args)}' exited with {exit}:\n{stdout}\n{stderr}");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string command, string workingDirectory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };
}
