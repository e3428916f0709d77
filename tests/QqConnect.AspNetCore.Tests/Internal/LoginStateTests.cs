using QqConnect.AspNetCore.Internal;

namespace QqConnect.AspNetCore.Tests.Internal;

/// <summary>The state the handler sends to QQ: 22 base64url characters of 16 random bytes.</summary>
public sealed class LoginStateTests
{
    [Fact]
    public void Create_ManyTimes_GivesDistinctWellFormedBase64UrlOf16Bytes()
    {
        var states = Enumerable.Range(0, 2000).Select(_ => LoginState.Create()).ToList();

        Assert.Equal(states.Count, states.Distinct(StringComparer.Ordinal).Count());
        Assert.All(states, state =>
        {
            Assert.Matches("^[A-Za-z0-9_-]{22}$", state);
            Assert.True(LoginState.IsWellFormed(state), state);
            var base64 = state.Replace('-', '+').Replace('_', '/') + "==";
            Assert.Equal(16, Convert.FromBase64String(base64).Length);
        });
        // 2,000 × 22 characters: both URL-safe substitutes show up (each has a 1/64 chance per character).
        Assert.Contains(states, state => state.Contains('-', StringComparison.Ordinal));
        Assert.Contains(states, state => state.Contains('_', StringComparison.Ordinal));
    }
}
