using System.Globalization;
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
        var advice = QqErrorCodes.Find(code)!.GetAdvice(CultureInfo.InvariantCulture);
        var chinese = QqErrorCodes.Find(code)!.GetAdvice(new CultureInfo("zh-CN"));

        Assert.Contains("registered", advice, StringComparison.Ordinal);
        Assert.Contains("trailing '/'", advice, StringComparison.Ordinal);
        Assert.Contains("http/https", advice, StringComparison.Ordinal);
        Assert.Contains("500 bytes", advice, StringComparison.Ordinal);
        Assert.Contains("no redirect_uri", advice, StringComparison.Ordinal);
        Assert.Contains("登记", chinese, StringComparison.Ordinal);
        Assert.Contains("末尾多一个 '/'", chinese, StringComparison.Ordinal);
        Assert.Contains("http/https", chinese, StringComparison.Ordinal);
        Assert.Contains("500 字节", chinese, StringComparison.Ordinal);
        Assert.Contains("不发送也会得到这个错误码", chinese, StringComparison.Ordinal);
        Assert.Equal(QqErrorAction.FixConfiguration, QqErrorCodes.Find(code)!.Action);
    }

    /// <summary>
    /// docs/error-codes.md's table is generated from <see cref="QqErrorCodes.All"/> in English (the neutral resources),
    /// docs/error-codes.zh-CN.md's from the same descriptions read in zh-Hans (the Chinese resources): this test fails
    /// when either differs. Regenerate both with
    /// <c>QQCONNECT_UPDATE_DOCS=1 dotnet test tests/QqConnect.Client.Tests --filter ErrorCodesDoc</c>.
    /// </summary>
    [Theory]
    [InlineData("error-codes.md", "", "| code | meaning | action | advice |")]
    [InlineData("error-codes.zh-CN.md", "zh-Hans", "| 错误码 | 含义 | 处理方式（action） | 建议 |")]
    public void ErrorCodesDoc_Table_IsGeneratedFromQqErrorCodesAll(string file, string cultureName, string headerRow)
    {
        var culture = cultureName.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(cultureName);
        var path = Path.Combine(RepositoryRoot(), "docs", file);
        var text = File.ReadAllText(path);
        var header = headerRow + "\n|---|---|---|---|\n";
        var start = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the table header is missing from docs/{file}");
        start += header.Length;
        var end = start;
        while (end < text.Length && text[end] == '|')
        {
            end = text.IndexOf('\n', end) + 1;
        }

        var table = new StringBuilder();
        foreach (var info in QqErrorCodes.All)
        {
            table.Append("| ").Append(info.Code.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(info.GetMeaning(culture))
                .Append(" | `").Append(info.Action).Append("` | ").Append(info.GetAdvice(culture)).Append(" |\n");
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
