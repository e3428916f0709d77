using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace QqConnect.Client.Tests.Login;

public sealed class QqLoginStateProtectorTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private QqLoginStateProtector NewProtector(byte[]? key = null, TimeSpan? lifetime = null, string defaultReturnUrl = "/home") =>
        new(new QqLoginStateOptions { Key = key ?? Key, Lifetime = lifetime ?? TimeSpan.FromMinutes(10), DefaultReturnUrl = defaultReturnUrl }, _time);

    [Fact]
    public void Validate_StateWithItsOwnBinding_SucceedsWithReturnUrl()
    {
        var protector = NewProtector();
        var login = protector.Create("/orders/42?tab=items#top");

        var result = protector.Validate(login.State, login.BrowserBinding);

        Assert.True(result.IsValid);
        Assert.Equal(QqStateValidationFailure.None, result.Failure);
        Assert.Equal("/orders/42?tab=items#top", result.ReturnUrl);
        Assert.Equal("/orders/42?tab=items#top", login.ReturnUrl);
    }

    [Fact]
    public void Validate_NoReturnUrl_ReturnsDefault()
    {
        var protector = NewProtector();
        var login = protector.Create();

        Assert.Equal("/home", protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
    }

    [Fact]
    public void Validate_UnicodeReturnUrl_RoundTripsPercentEncoded()
    {
        var protector = NewProtector();
        var login = protector.Create("/搜索?q=中文");

        // Percent-encoded so that it fits a Location header (defect: raw non-ASCII made LocalRedirect throw).
        var returnUrl = protector.Validate(login.State, login.BrowserBinding).ReturnUrl;
        Assert.Equal("/%E6%90%9C%E7%B4%A2?q=%E4%B8%AD%E6%96%87", returnUrl);
        Assert.Equal("/搜索?q=中文", Uri.UnescapeDataString(returnUrl!));
    }

    [Fact]
    public void Validate_OtherServerWithSameKey_Succeeds()
    {
        var login = NewProtector().Create("/a");

        var result = NewProtector(key: (byte[])Key.Clone()).Validate(login.State, login.BrowserBinding);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Create_State_IsUrlSafeAndShort()
    {
        var protector = NewProtector();
        var login = protector.Create("/" + new string('a', QqLoginStateProtector.MaxReturnUrlBytes - 1));

        Assert.Matches("^[A-Za-z0-9_-]+$", login.State);
        Assert.Matches("^[A-Za-z0-9_-]+$", login.BrowserBinding);
        Assert.True(login.State.Length <= 500, $"state is {login.State.Length} characters");
        Assert.True(protector.Validate(login.State, login.BrowserBinding).IsValid);
    }

    [Fact]
    public void Create_TwoStates_DifferInStateAndBinding()
    {
        var protector = NewProtector();
        var first = protector.Create("/a");
        var second = protector.Create("/a");

        Assert.NotEqual(first.State, second.State);
        Assert.NotEqual(first.BrowserBinding, second.BrowserBinding);
    }

    [Fact]
    public void Create_ExpiresAt_IsNowPlusLifetime()
    {
        var login = NewProtector(lifetime: TimeSpan.FromMinutes(5)).Create();

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(5), login.ExpiresAt);
    }

    [Fact]
    public void Validate_StateFromAnotherBrowser_FailsWithBindingMismatch()
    {
        var protector = NewProtector();
        var attacker = protector.Create("/a");
        var victim = protector.Create("/b");

        var result = protector.Validate(attacker.State, victim.BrowserBinding);

        Assert.False(result.IsValid);
        Assert.Equal(QqStateValidationFailure.BindingMismatch, result.Failure);
        Assert.Null(result.ReturnUrl);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("not-a-binding-at-all")]
    public void Validate_ForgedBinding_FailsWithBindingMismatch(string binding)
    {
        var protector = NewProtector();
        var login = protector.Create();

        Assert.Equal(QqStateValidationFailure.BindingMismatch, protector.Validate(login.State, binding).Failure);
    }

    [Fact]
    public void Validate_HugeBinding_FailsWithBindingMismatch()
    {
        var protector = NewProtector();
        var login = protector.Create();

        Assert.Equal(QqStateValidationFailure.BindingMismatch, protector.Validate(login.State, new string('A', 1_000_000)).Failure);
    }

    [Fact]
    public void Validate_AnyBytePositionFlipped_FailsAsTampered()
    {
        var protector = NewProtector();
        var login = protector.Create("/orders");
        var bytes = DecodeBase64Url(login.State);

        // The last 32 bytes are the tag that binds the state to the browser: a change there reads as another browser's state.
        var bindingTagStart = bytes.Length - 32;
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                var tampered = (byte[])bytes.Clone();
                tampered[i] ^= mask;

                var result = protector.Validate(EncodeBase64Url(tampered), login.BrowserBinding);

                Assert.False(result.IsValid, $"byte {i} ^ {mask:X2} was accepted");
                Assert.True(
                    result.Failure is QqStateValidationFailure.Tampered or QqStateValidationFailure.Malformed
                        || (i >= bindingTagStart && result.Failure == QqStateValidationFailure.BindingMismatch),
                    $"byte {i} ^ {mask:X2} gave {result.Failure}");
            }
        }
    }

    [Fact]
    public void Validate_AnyCharacterChanged_Fails()
    {
        var protector = NewProtector();
        var login = protector.Create("/orders");

        for (var i = 0; i < login.State.Length; i++)
        {
            var chars = login.State.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';

            Assert.False(protector.Validate(new string(chars), login.BrowserBinding).IsValid, $"character {i} changed was accepted");
        }
    }

    [Fact]
    public void Validate_TruncatedOrExtended_Fails()
    {
        var protector = NewProtector();
        var login = protector.Create("/orders");

        for (var length = 0; length < login.State.Length; length++)
        {
            Assert.False(protector.Validate(login.State.Substring(0, length), login.BrowserBinding).IsValid);
        }

        Assert.False(protector.Validate(login.State + "A", login.BrowserBinding).IsValid);
        Assert.False(protector.Validate(login.State + "AAAA", login.BrowserBinding).IsValid);
    }

    [Fact]
    public void Validate_JustBeforeLifetimeEnds_Succeeds()
    {
        var protector = NewProtector(lifetime: TimeSpan.FromMinutes(10));
        var login = protector.Create();

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));

        Assert.True(protector.Validate(login.State, login.BrowserBinding).IsValid);
    }

    [Fact]
    public void Validate_AfterLifetime_FailsAsExpired()
    {
        var protector = NewProtector(lifetime: TimeSpan.FromMinutes(10));
        var login = protector.Create();

        _time.Advance(TimeSpan.FromMinutes(10));

        var result = protector.Validate(login.State, login.BrowserBinding);
        Assert.False(result.IsValid);
        Assert.Equal(QqStateValidationFailure.Expired, result.Failure);
        Assert.Null(result.ReturnUrl);
    }

    [Fact]
    public void Validate_StateSignedWithAnotherKey_FailsAsTampered()
    {
        var login = NewProtector().Create("/a");
        var otherKey = Key.Select(b => (byte)(b ^ 0x5A)).ToArray();

        var result = NewProtector(key: otherKey).Validate(login.State, login.BrowserBinding);

        Assert.Equal(QqStateValidationFailure.Tampered, result.Failure);
    }

    [Theory]
    [InlineData(null, "binding")]
    [InlineData("", "binding")]
    [InlineData("state", null)]
    [InlineData("state", "")]
    [InlineData(null, null)]
    public void Validate_NullOrEmptyInput_FailsAsMissing(string? state, string? binding)
    {
        var result = NewProtector().Validate(state, binding);

        Assert.Equal(QqStateValidationFailure.Missing, result.Failure);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("abc")]
    [InlineData("A")]
    [InlineData("AAAA")]
    [InlineData("AQ==")]
    [InlineData("state with spaces")]
    [InlineData("中文")]
    public void Validate_GarbageState_FailsAsMalformed(string state)
    {
        Assert.Equal(QqStateValidationFailure.Malformed, NewProtector().Validate(state, "binding").Failure);
    }

    [Fact]
    public void Validate_HugeState_FailsAsMalformed()
    {
        var result = NewProtector().Validate(new string('A', 10_000_000), "binding");

        Assert.Equal(QqStateValidationFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Validate_RandomGarbage_NeverThrowsAndNeverSucceeds()
    {
        var protector = NewProtector();
        var random = new Random(20250301);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%\0\r\n 中";
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 1200);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = i % 2 == 0 ? Alphabet[random.Next(Alphabet.Length)] : (char)random.Next(0, 0x10000);
            }

            var result = protector.Validate(new string(chars), "binding");

            Assert.False(result.IsValid);
        }
    }

    [Fact]
    public void Validate_RandomBytesWithRightVersion_NeverSucceeds()
    {
        var protector = NewProtector();
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            // 89 to 375 bytes: the token sizes a state of at most 500 characters can hold.
            var bytes = new byte[random.Next(89, 376)];
            random.NextBytes(bytes);
            bytes[0] = 1;

            Assert.Equal(QqStateValidationFailure.Tampered, protector.Validate(EncodeBase64Url(bytes), "binding").Failure);
        }
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("HTTP://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/ok\u0000")]
    [InlineData("/ok\u007F")]
    [InlineData("/ok\u0085")]
    [InlineData("evil.example")]
    [InlineData("relative/path")]
    [InlineData(" /leading-space")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("~/app")]
    [InlineData("/a\\b")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/%2f/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/x?q=%0D%0ASet-Cookie:x")]
    public void Validate_OpenRedirectReturnUrl_FallsBackToDefault(string returnUrl)
    {
        var protector = NewProtector(defaultReturnUrl: "/home");
        var login = protector.Create(returnUrl);

        var result = protector.Validate(login.State, login.BrowserBinding);

        Assert.True(result.IsValid);
        Assert.Equal("/home", result.ReturnUrl);
        Assert.Equal("/home", login.ReturnUrl);
        Assert.False(QqLoginStateProtector.IsLocalReturnUrl(returnUrl));
    }

    [Fact]
    public void Validate_ReturnUrlWithLoneSurrogate_FallsBackToDefault()
    {
        // Built at run time: attribute arguments cannot carry a lone surrogate.
        var returnUrl = "/lone" + '\uD800' + "surrogate";
        var protector = NewProtector(defaultReturnUrl: "/home");
        var login = protector.Create(returnUrl);

        Assert.False(QqLoginStateProtector.IsLocalReturnUrl(returnUrl));
        Assert.Equal("/home", protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
    }

    [Fact]
    public void Create_ReturnUrlLongerThanLimit_FallsBackToDefault()
    {
        var protector = NewProtector(defaultReturnUrl: "/home");
        var login = protector.Create("/" + new string('a', QqLoginStateProtector.MaxReturnUrlBytes));

        Assert.Equal("/home", protector.Validate(login.State, login.BrowserBinding).ReturnUrl);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/x")]
    [InlineData("/x?y#z")]
    [InlineData("/x/y/../z")]
    [InlineData("/x?next=http://evil.example")]
    [InlineData("/路径?查询=值")]
    [InlineData("/emoji\U0001F600")]
    public void IsLocalReturnUrl_LocalPath_IsTrue(string url)
    {
        Assert.True(QqLoginStateProtector.IsLocalReturnUrl(url));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/x?y=%2F#z", "/x?y=%2F#z")]
    [InlineData("/订单/42", "/%E8%AE%A2%E5%8D%95/42")]
    [InlineData("/me/%2F", "/me/%2F")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a b", "/a%20b")]
    public void ToLocalReturnUrl_LocalPath_IsEncodedForALocationHeader(string url, string expected)
    {
        Assert.Equal(expected, QqLoginStateProtector.ToLocalReturnUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("https://evil.example/")]
    public void ToLocalReturnUrl_NotLocal_IsNull(string? url)
    {
        Assert.Null(QqLoginStateProtector.ToLocalReturnUrl(url));
    }

    [Fact]
    public void IsLocalReturnUrl_Null_IsFalse()
    {
        Assert.False(QqLoginStateProtector.IsLocalReturnUrl(null));
    }

    [Fact]
    public void LoginState_ToString_HidesBrowserBinding()
    {
        var login = NewProtector().Create("/a");

        Assert.DoesNotContain(login.BrowserBinding, login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoKey_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(new QqLoginStateOptions()));

        Assert.Contains("Key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShortKey_ThrowsWithoutEchoingKey()
    {
        var key = Encoding.ASCII.GetBytes("short-secret-key-31-bytes-long!");

        var exception = Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(new QqLoginStateOptions { Key = key }));

        Assert.Contains("at least 32", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(60 * 24 + 1)]
    public void Constructor_LifetimeOutOfRange_ThrowsArgumentException(int minutes)
    {
        var options = new QqLoginStateOptions { Key = Key, Lifetime = TimeSpan.FromMinutes(minutes) };

        Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    public void Constructor_NonLocalDefaultReturnUrl_ThrowsArgumentException(string url)
    {
        var options = new QqLoginStateOptions { Key = Key, DefaultReturnUrl = url };

        Assert.Throws<ArgumentException>(() => new QqLoginStateProtector(options));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new QqLoginStateProtector(null!));
    }

    [Fact]
    public void Constructor_KeyChangedAfterwards_DoesNotAffectProtector()
    {
        var key = (byte[])Key.Clone();
        var protector = new QqLoginStateProtector(new QqLoginStateOptions { Key = key }, _time);
        var login = protector.Create();

        Array.Clear(key);

        Assert.True(protector.Validate(login.State, login.BrowserBinding).IsValid);
    }

    [Fact]
    public void Options_Defaults_AreTenMinutesAndSlash()
    {
        var options = new QqLoginStateOptions();

        Assert.Equal(TimeSpan.FromMinutes(10), options.Lifetime);
        Assert.Equal("/", options.DefaultReturnUrl);
        Assert.Null(options.Key);
    }

    [Fact]
    public void SetKeyFromBase64_ValidKey_SetsKey()
    {
        var options = new QqLoginStateOptions();

        options.SetKeyFromBase64(Convert.ToBase64String(Key));

        Assert.Equal(Key, options.Key);
    }

    [Fact]
    public void SetKeyFromBase64_Base64UrlWithoutPadding_SetsKey()
    {
        var options = new QqLoginStateOptions();
        var key = Enumerable.Range(200, 33).Select(i => (byte)i).ToArray();

        options.SetKeyFromBase64(EncodeBase64Url(key));

        Assert.Equal(key, options.Key);
    }

    [Fact]
    public void SetKeyFromBase64_NotBase64_ThrowsWithoutEchoingValue()
    {
        var options = new QqLoginStateOptions();

        var exception = Assert.Throws<ArgumentException>(() => options.SetKeyFromBase64("secret!value*that is not base64"));

        Assert.DoesNotContain("secret!value", exception.Message, StringComparison.Ordinal);
        Assert.Null(options.Key);
    }

    [Fact]
    public void SetKeyFromBase64_ShortKey_ThrowsArgumentException()
    {
        var options = new QqLoginStateOptions();

        Assert.Throws<ArgumentException>(() => options.SetKeyFromBase64(Convert.ToBase64String(new byte[16])));
    }

    [Fact]
    public void GenerateKey_Returns32RandomBytes()
    {
        var first = QqLoginStateOptions.GenerateKey();
        var second = QqLoginStateOptions.GenerateKey();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    private static string EncodeBase64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] DecodeBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
