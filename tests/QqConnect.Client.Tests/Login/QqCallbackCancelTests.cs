namespace QqConnect.Client.Tests.Login;

/// <summary>The mobile login page's cancel: <c>usercancel</c> (non-zero) and the state, no code and no error.</summary>
public sealed class QqCallbackCancelTests
{
    private const string AuthCode = "9A5F06AF8B5E4F2C9D8E7F6A5B4C3D2E";

    [Theory]
    [InlineData("?usercancel=1&state=abc")]
    [InlineData("state=abc&usercancel=1")]
    [InlineData("?usercancel=2&state=abc")]
    [InlineData("?usercancel=-1&state=abc")]
    [InlineData("?%75sercancel=1&state=abc")]
    public void Parse_UserCancelNonZero_IsCancelledWithState(string query)
    {
        var result = QqCallback.Parse(query);

        Assert.Equal(QqCallbackOutcome.Cancelled, result.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Code);
        Assert.Null(result.ErrorCode);
        Assert.Equal("abc", result.State);
        Assert.Contains("cancel", result.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_UserCancelInAbsoluteUri_IsCancelled()
    {
        var result = QqCallback.Parse(new Uri("https://www.example.com/signin-qq?usercancel=1&state=s1"));

        Assert.Equal(QqCallbackOutcome.Cancelled, result.Outcome);
        Assert.Equal("s1", result.State);
    }

    [Fact]
    public void Parse_UserCancelWithoutState_IsCancelledWithNullState()
    {
        var result = QqCallback.Parse("usercancel=1");

        Assert.Equal(QqCallbackOutcome.Cancelled, result.Outcome);
        Assert.Null(result.State);
    }

    [Fact]
    public void Cancelled_ToException_IsApiErrorWithoutCode()
    {
        var result = QqCallback.Parse("usercancel=1&state=s");

        var exception = Assert.Throws<QqConnectException>(result.ThrowIfError);
        Assert.IsNotType<QqConnectApiException>(exception);
        Assert.Equal(QqConnectErrorKind.ApiError, exception.Kind);
        Assert.Equal(QqConnectOperation.None, exception.Operation);
        Assert.Contains("cancel", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("?usercancel=0&state=abc")]
    [InlineData("?usercancel=&state=abc")]
    [InlineData("?usercancel=00&state=abc")]
    public void Parse_UserCancelZeroOrEmpty_IsNotACancel(string query)
    {
        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse(query).Outcome);
    }

    [Fact]
    public void Parse_UserCancelZeroWithCode_IsSuccess()
    {
        var result = QqCallback.Parse("usercancel=0&code=" + AuthCode + "&state=s");

        Assert.True(result.IsSuccess);
        Assert.Equal(AuthCode, result.Code);
    }

    [Fact]
    public void Parse_UserCancelWithCode_IsNotCallbackAndHidesTheCode()
    {
        var result = QqCallback.Parse("usercancel=1&code=" + AuthCode + "&state=s");

        Assert.Equal(QqCallbackOutcome.NotCallback, result.Outcome);
        Assert.Null(result.Code);
        Assert.DoesNotContain(AuthCode, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UserCancelWithError_IsTheError()
    {
        var result = QqCallback.Parse("usercancel=1&error=100070&state=s");

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Equal(100070, result.ErrorCode);
    }

    [Theory]
    [InlineData("usercancel=1&usercancel=1&state=s")]
    [InlineData("usercancel=1&usercancel=0&state=s")]
    [InlineData("usercancel=1&%75sercancel=1&state=s")]
    public void Parse_DuplicateUserCancel_IsNotCallback(string query)
    {
        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse(query).Outcome);
    }

    [Fact]
    public void Parse_UserCancelWithHostileState_IsNotCallback()
    {
        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse("usercancel=1&state=%0D%0Aforged").Outcome);
    }
}
