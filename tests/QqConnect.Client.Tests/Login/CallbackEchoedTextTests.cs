namespace QqConnect.Client.Tests.Login;

/// <summary>The callback's error texts come from the URL, that is from anyone: they must be safe to log.</summary>
public sealed class CallbackEchoedTextTests
{
    [Theory]
    [InlineData("?error=100070&error_description=bad%0D%0A2025-01-01+00%3A00%3A00+info%3A+Admin+login+OK&state=s")]
    [InlineData("?code=100010&msg=bad%0Aforged+line&state=s")]
    [InlineData("?error=access%0D%0Adenied&error_description=x&state=s")]
    public void Parse_ErrorTextsWithLineBreaks_CannotForgeALogLine(string query)
    {
        var result = QqCallback.Parse(query);

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.DoesNotContain('\n', (result.ErrorDescription ?? "") + result.RawError);
        Assert.DoesNotContain('\r', (result.ErrorDescription ?? "") + result.RawError);
    }

    [Fact]
    public void Parse_HugeErrorDescription_IsCapped()
    {
        var result = QqCallback.Parse("?error=100070&error_description=" + new string('x', 900) + "&state=s");

        Assert.True(result.ErrorDescription!.Length <= 201, $"description is {result.ErrorDescription.Length} characters");
    }
}
