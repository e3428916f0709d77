using System.Text;

namespace QqConnect.Client.Tests.Errors;

public sealed class QqErrorCodesTests
{
    [Fact]
    public void ErrorCodes_EveryCodeOfTheReference_IsKnown()
    {
        int[] reference = [100000, 100001, 100002, 100003, 100004, 100005, 100006, 100007, 100008, 100009, 100010, 100011, 100012, 100013, 100014,
            100015, 100016, 100017, 100018, 100019, 100020, 100021, 100022, 100023, 100024, 100025, 100026, 100027, 100028, 100029, 100030, 100031,
            100048, -1, -22, -23, 1002, 21006];

        foreach (var code in reference)
        {
            var info = QqErrorCodes.Find(code);
            Assert.NotNull(info);
            Assert.Equal(code, info.Code);
            Assert.False(string.IsNullOrWhiteSpace(info.Advice));
        }

        Assert.Null(QqErrorCodes.Find(424242));
        Assert.Equal(QqErrorAction.FixConfiguration, QqErrorCodes.Find(QqErrorCodes.RedirectUriInvalid)!.Action);
    }

    [Theory]
    [InlineData(QqErrorCodes.RedirectUriInvalid)]
    [InlineData(21006)]
    public void RedirectUriErrors_AdviceListsEveryKnownCause(int code)
    {
        var advice = QqErrorCodes.Find(code)!.Advice;

        Assert.Contains("registered", advice, StringComparison.Ordinal);
        Assert.Contains("trailing '/'", advice, StringComparison.Ordinal);
        Assert.Contains("http/https", advice, StringComparison.Ordinal);
        Assert.Contains("500 bytes", advice, StringComparison.Ordinal);
        Assert.Contains("no redirect_uri", advice, StringComparison.Ordinal);
        Assert.Equal(QqErrorAction.FixConfiguration, QqErrorCodes.Find(code)!.Action);
    }

    /// <summary>
    /// docs/error-codes.md's table is generated from <see cref="QqErrorCodes.All"/>: this test fails when they differ.
    /// Regenerate it with <c>QQCONNECT_UPDATE_DOCS=1 dotnet test tests/QqConnect.Client.Tests --filter ErrorCodesDoc</c>.
    /// </summary>
    [Fact]
    public void ErrorCodesDoc_Table_IsGeneratedFromQqErrorCodesAll()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "error-codes.md");
        var text = File.ReadAllText(path);
        const string header = "| code | meaning | action | advice |\n|---|---|---|---|\n";
        var start = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, "the table header is missing from docs/error-codes.md");
        start += header.Length;
        var end = start;
        while (end < text.Length && text[end] == '|')
        {
            end = text.IndexOf('\n', end) + 1;
        }

        var table = new StringBuilder();
        foreach (var info in QqErrorCodes.All)
        {
            table.Append("| ").Append(info.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" | ").Append(info.Meaning)
                .Append(" | `").Append(info.Action).Append("` | ").Append(info.Advice).Append(" |\n");
        }

        if (Environment.GetEnvironmentVariable("QQCONNECT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, string.Concat(text.AsSpan(0, start), table.ToString(), text.AsSpan(end)));
            return;
        }

        Assert.Equal(table.ToString(), text[start..end]);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QqConnect.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("QqConnect.Client.sln not found above " + AppContext.BaseDirectory);
    }
}
