namespace QqConnect.Architecture.Tests;

/// <summary>The repository the tests run in: the nearest folder above the test's output that holds QqConnect.Client.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Source(string project) => System.IO.Path.Combine(Path, "src", project);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No QqConnect.Client.sln above " + AppContext.BaseDirectory);
    }
}
