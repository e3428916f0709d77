using System.Xml.Linq;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Tests;

/// <summary><c>qqconnect-emulator --version</c>.</summary>
public sealed class VersionTests
{
    [Fact]
    public async Task Run_Version_PrintsThePackageVersionAndExits0()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorTool.RunAsync(["--version"], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var line = Assert.Single(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        // The version every package gets: VersionPrefix in the repository's Directory.Build.props, then, from a
        // git clone, '+' and the commit.
        var prefix = RepositoryVersionPrefix();
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"(\+[0-9a-f]{7,40})?$", line);
    }

    private static string RepositoryVersionPrefix()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var props = Path.Combine(directory.FullName, "Directory.Build.props");
            if (File.Exists(props) && File.Exists(Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                return XDocument.Load(props).Descendants("VersionPrefix").Single().Value;
            }
        }

        throw new InvalidOperationException("The repository root (QqConnect.Client.sln) was not found above " + AppContext.BaseDirectory);
    }
}
