using QqConnect.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace QqConnect.Client.Tests.Models;

public sealed class ResultTypeTests
{
    [Fact]
    public void ToString_AccessToken_HidesBothTokens()
    {
        var token = new QqAccessToken(TestApp.AccessToken, TestApp.RefreshToken, TimeSpan.FromDays(90), DateTimeOffset.UnixEpoch);

        var text = token.ToString();

        TestApp.AssertNoSecrets(text);
        Assert.Contains("90.00:00:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IsExpired_BeforeAndAfterExpiresAt_Flips()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var token = new QqAccessToken("a", null, TimeSpan.FromHours(1), DateTimeOffset.UnixEpoch.AddHours(1));

        Assert.False(token.IsExpired(time));
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(token.IsExpired(time));
    }

    [Theory]
    [InlineData("q640", "q100", "q40", "q640")]
    [InlineData(null, "q100", "q40", "q100")]
    [InlineData("", "", "q40", "q40")]
    [InlineData(null, null, null, null)]
    public void AvatarUrl_PicksTheLargestQqAvatarPresent(string? qq, string? qq2, string? qq1, string? expected)
    {
        var user = new QqUserInfo("n") { FigureUrlQq = qq, FigureUrlQq2 = qq2, FigureUrlQq1 = qq1, FigureUrl2 = "qzone100" };

        Assert.Equal(expected, user.AvatarUrl);
    }
}
