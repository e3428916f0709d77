using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using QqConnect.AspNetCore.Internal;

namespace QqConnect.AspNetCore.Tests.Internal;

/// <summary>The Data Protection purpose of a login's cookies, which must not change with the code's layout.</summary>
public sealed class QqConnectPostConfigureOptionsTests
{
    [Fact]
    public void StateDataFormat_UsesTheFixedPurposeAndTheSchemeName_SoCookiesOfLoginsInFlightStayReadable()
    {
        var keys = new EphemeralDataProtectionProvider();
        var options = new QqConnectAuthenticationOptions();
        new QqConnectPostConfigureOptions(keys).PostConfigure("QQ", options);
        var properties = new AuthenticationProperties { RedirectUri = "/account" };

        // What a server of the same farm running the previous layout wrote, and reads.
        var previous = new PropertiesDataFormat(keys.CreateProtector("QqConnect.AspNetCore.Handler.QqConnectAuthenticationHandler", "QQ", "v1"));

        Assert.Equal("/account", options.StateDataFormat.Unprotect(previous.Protect(properties, "state"), "state")?.RedirectUri);
        Assert.Equal("/account", previous.Unprotect(options.StateDataFormat.Protect(properties, "state"), "state")?.RedirectUri);
    }
}
