namespace QqConnect.Client.Tests.Infrastructure;

/// <summary>Reads answer bodies stored under Fixtures/, byte for byte.</summary>
internal static class Fixture
{
    public static byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    public static string Text(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    /// <summary>Every fixture in a folder, as theory data.</summary>
    public static TheoryData<string> In(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder)).Order(StringComparer.Ordinal))
        {
            data.Add(folder + "/" + Path.GetFileName(file));
        }

        return data;
    }
}
