namespace QqConnect.Client.Tests.Errors;

public sealed class QqErrorCodesTests
{
    [Fact]
    public void ErrorCodes_EveryCodeOfTheReference_IsKnown()
    {
        int[] reference = [100000, 100001, 100002, 100003, 100004, 100005, 100006, 100007, 100008, 100009, 100010, 100011, 100012, 100013, 100014,
            100015, 100016, 100017, 100018, 100019, 100020, 100021, 100022, 100023, 100024, 100025, 100026, 100027, 100028, 100029, 100030, 100031,
            100048, -1, -22, -23, 1002];

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
}
