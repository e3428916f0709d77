namespace QqConnect.Client.Tests.Login;

public sealed class QqCallbackTests
{
    private const string AuthCode = "9A5F06AF8B5E4F2C9D8E7F6A5B4C3D2E";

    [Fact]
    public void Parse_CodeAndState_IsSuccess()
    {
        var result = QqCallback.Parse("?code=" + AuthCode + "&state=abc-_123");

        Assert.True(result.IsSuccess);
        Assert.Equal(QqCallbackOutcome.Success, result.Outcome);
        Assert.Equal(AuthCode, result.Code);
        Assert.Equal("abc-_123", result.State);
        Assert.Null(result.ErrorCode);
        Assert.Null(result.ToException());
        result.ThrowIfError();
    }

    [Fact]
    public void Parse_QueryWithoutQuestionMark_IsSuccess()
    {
        var result = QqCallback.Parse("state=s&code=" + AuthCode);

        Assert.True(result.IsSuccess);
        Assert.Equal(AuthCode, result.Code);
        Assert.Equal("s", result.State);
    }

    [Fact]
    public void Parse_AbsoluteUri_ReadsQueryAndIgnoresFragment()
    {
        var result = QqCallback.Parse(new Uri("https://www.example.com/signin-qq?code=" + AuthCode + "&state=s1#code=other"));

        Assert.True(result.IsSuccess);
        Assert.Equal(AuthCode, result.Code);
        Assert.Equal("s1", result.State);
    }

    [Fact]
    public void Parse_RelativeUri_ReadsQuery()
    {
        var result = QqCallback.Parse(new Uri("/signin-qq?code=" + AuthCode + "&state=s1", UriKind.Relative));

        Assert.True(result.IsSuccess);
        Assert.Equal(AuthCode, result.Code);
    }

    [Fact]
    public void Parse_CodeWithoutState_IsSuccessWithNullState()
    {
        var result = QqCallback.Parse("code=" + AuthCode);

        Assert.True(result.IsSuccess);
        Assert.Null(result.State);
    }

    [Fact]
    public void Parse_CurrentErrorForm_IsErrorWithCodeAndDescription()
    {
        var result = QqCallback.Parse("?error=100010&error_description=redirect%20uri%20is%20illegal&state=s");

        Assert.False(result.IsSuccess);
        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Equal(100010, result.ErrorCode);
        Assert.Equal("redirect uri is illegal", result.ErrorDescription);
        Assert.Equal("s", result.State);
        Assert.Null(result.Code);

        var exception = Assert.IsType<QqConnectApiException>(result.ToException());
        Assert.Equal(100010, exception.ErrorCode);
        Assert.Equal("redirect uri is illegal", exception.ErrorDescription);
        Assert.Equal(QqConnectOperation.None, exception.Operation);
        Assert.Equal(QqConnectErrorKind.ApiError, exception.Kind);
        Assert.Null(exception.StatusCode);
    }

    [Fact]
    public void Parse_LegacyCodeAndMsgForm_IsErrorNotAuthorizationCode()
    {
        var result = QqCallback.Parse("?code=100010&msg=redirect+uri+is+illegal&state=s");

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Null(result.Code);
        Assert.Equal(100010, result.ErrorCode);
        Assert.Equal("redirect uri is illegal", result.ErrorDescription);
        Assert.Equal("s", result.State);
        Assert.Equal(100010, Assert.IsType<QqConnectApiException>(result.ToException()).ErrorCode);
    }

    [Fact]
    public void Parse_WildAccountSecurityError_IsError100070()
    {
        var result = QqCallback.Parse(new Uri("https://www.example.com/cb?error=100070&error_description=the+account+has+security+exception&state=xyz"));

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Equal(100070, result.ErrorCode);
        Assert.Equal("the account has security exception", result.ErrorDescription);
        Assert.Equal("xyz", result.State);

        var exception = Assert.Throws<QqConnectApiException>(result.ThrowIfError);
        Assert.Equal(100070, exception.ErrorCode);
        Assert.Equal(QqErrorAction.Relogin, exception.ErrorInfo?.Action);
        Assert.Contains("100070", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the account has security exception", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorAndCodeTogether_IsErrorAndHidesCode()
    {
        var result = QqCallback.Parse("code=" + AuthCode + "&error=100019&error_description=bad+" + AuthCode + "&state=s");

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Null(result.Code);
        Assert.DoesNotContain(AuthCode, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AuthCode, result.ToException()!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonNumericCodeWithMsg_IsErrorAndNeverShowsCode()
    {
        var result = QqCallback.Parse("code=" + AuthCode + "&msg=failed+for+" + AuthCode);

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Null(result.Code);
        Assert.Null(result.ErrorCode);
        Assert.DoesNotContain(AuthCode, result.ErrorDescription!, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthCode, result.ToString(), StringComparison.Ordinal);
        var exception = result.ToException()!;
        Assert.IsNotType<QqConnectApiException>(exception);
        Assert.Equal(QqConnectErrorKind.ApiError, exception.Kind);
        Assert.DoesNotContain(AuthCode, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonNumericError_KeepsRawError()
    {
        var result = QqCallback.Parse("error=access_denied&state=s");

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.Null(result.ErrorCode);
        Assert.Equal("access_denied", result.RawError);
        Assert.Equal(QqConnectErrorKind.ApiError, result.ToException()!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("?state=s")]
    [InlineData("?msg=something")]
    [InlineData("?code=&state=s")]
    [InlineData("?foo=bar&baz")]
    [InlineData("&&&===&")]
    public void Parse_NoCodeAndNoError_IsNotCallback(string query)
    {
        var result = QqCallback.Parse(query);

        Assert.Equal(QqCallbackOutcome.NotCallback, result.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Code);
        var exception = Assert.Throws<QqConnectException>(result.ThrowIfError);
        Assert.Equal(QqConnectErrorKind.InvalidResponse, exception.Kind);
        Assert.Equal(QqConnectOperation.None, exception.Operation);
    }

    [Fact]
    public void Parse_UriWithoutQuery_IsNotCallback()
    {
        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse(new Uri("https://www.example.com/cb")).Outcome);
    }

    [Fact]
    public void Parse_PlusAndPercentEncodedUtf8_AreDecoded()
    {
        var result = QqCallback.Parse("?error=100070&error_description=a+b%E4%B8%AD%2B&state=%E4%B8%AD+x");

        Assert.Equal("a b中+", result.ErrorDescription);
        Assert.Equal("中 x", result.State);
    }

    [Fact]
    public void Parse_PercentEncodedUtf8InUri_IsDecoded()
    {
        var result = QqCallback.Parse(new Uri("https://www.example.com/cb?error=100070&error_description=%E4%B8%AD+%E6%96%87"));

        Assert.Equal("中 文", result.ErrorDescription);
    }

    [Fact]
    public void Parse_EncodedParameterName_IsRecognised()
    {
        var result = QqCallback.Parse("%63ode=" + AuthCode);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Parse_BadPercentEncoding_KeepsTextAndDoesNotThrow()
    {
        var result = QqCallback.Parse("?error=100070&error_description=50%ZZ%&state=s%");

        Assert.Equal("50%ZZ%", result.ErrorDescription);
        Assert.Equal("s%", result.State);
    }

    [Fact]
    public void Parse_InvalidUtf8_BecomesReplacementCharacter()
    {
        var result = QqCallback.Parse("?error=1&error_description=%FF%FE");

        Assert.Equal(QqCallbackOutcome.Error, result.Outcome);
        Assert.DoesNotContain("%", result.ErrorDescription!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code=a&code=b&state=s")]
    [InlineData("code=a&state=s&state=t")]
    [InlineData("code=a&state=s&state=s")]
    [InlineData("error=1&error=2")]
    [InlineData("code=a&%63ode=b")]
    public void Parse_DuplicateParameter_IsNotCallback(string query)
    {
        var result = QqCallback.Parse(query);

        Assert.Equal(QqCallbackOutcome.NotCallback, result.Outcome);
        Assert.Null(result.Code);
    }

    [Fact]
    public void Parse_DuplicateUnknownParameter_IsIgnored()
    {
        Assert.True(QqCallback.Parse("x=1&x=2&code=" + AuthCode).IsSuccess);
    }

    [Theory]
    [InlineData("code=%0Aabc")]
    [InlineData("code=abc%00")]
    [InlineData("code=+++")]
    [InlineData("code=a&state=%0D%0A")]
    public void Parse_CodeOrStateWithControlCharactersOrBlank_IsNotCallback(string query)
    {
        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse(query).Outcome);
    }

    [Fact]
    public void Parse_HugeCode_IsNotCallback()
    {
        var result = QqCallback.Parse("code=" + new string('A', 5_000_000) + "&state=s");

        Assert.Equal(QqCallbackOutcome.NotCallback, result.Outcome);
    }

    [Fact]
    public void Parse_HugeQueryOfJunk_IsNotCallback()
    {
        var query = string.Concat(Enumerable.Repeat("junk=%E4%B8%AD&", 200_000));

        Assert.Equal(QqCallbackOutcome.NotCallback, QqCallback.Parse(query).Outcome);
    }

    [Fact]
    public void Parse_HugeDescription_IsTruncated()
    {
        var result = QqCallback.Parse("error=100070&error_description=" + new string('x', 100_000));

        // Capped like every echoed value: 200 characters and an ellipsis.
        Assert.Equal(new string('x', 200) + "…", result.ErrorDescription);
    }

    [Fact]
    public void Parse_DescriptionWithLineBreaks_KeepsThemOutOfMessage()
    {
        var result = QqCallback.Parse("error=100070&error_description=line1%0D%0AFAKE+LOG+ENTRY");

        // Escaped in the property too (apps log it): "\r\n" as the four visible characters \ r \ n.
        Assert.Equal("line1\\r\\nFAKE LOG ENTRY", result.ErrorDescription);
        Assert.DoesNotContain("\n", result.ToException()!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RandomGarbage_NeverThrows()
    {
        var random = new Random(42);
        const string Alphabet = "code=state&error_description%msg+E4B8AD0123456789#?\0\r\n中";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = i % 3 == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)];
            }

            var result = QqCallback.Parse(new string(chars));

            Assert.True(Enum.IsDefined(result.Outcome));
            Assert.Equal(result.IsSuccess, result.Code is not null);
        }
    }

    [Fact]
    public void ToString_Success_NeverShowsCode()
    {
        var result = QqCallback.Parse("code=" + AuthCode + "&state=s");

        Assert.DoesNotContain(AuthCode, result.ToString(), StringComparison.Ordinal);
        Assert.Contains("Success", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullInput_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => QqCallback.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => QqCallback.Parse((Uri)null!));
    }

    [Fact]
    public void CallbackAndState_EndToEnd_ValidatesStateFromCallback()
    {
        var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = QqLoginStateOptions.GenerateKey() });
        var login = protector.Create("/after");

        var callback = QqCallback.Parse(new Uri("https://www.example.com/cb?code=" + AuthCode + "&state=" + login.State));
        var state = protector.Validate(callback.State, login.BrowserBinding);

        Assert.True(callback.IsSuccess);
        Assert.True(state.IsValid);
        Assert.Equal("/after", state.ReturnUrl);
    }
}
