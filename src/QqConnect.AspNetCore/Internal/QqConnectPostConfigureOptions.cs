using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace QqConnect.AspNetCore.Internal;

/// <summary>Fills what the options need from services: Data Protection for the correlation cookie's properties.</summary>
internal sealed class QqConnectPostConfigureOptions : IPostConfigureOptions<QqConnectAuthenticationOptions>
{
    // The Data Protection purpose of the correlation cookies and the pending-login list: a fixed string, so that moving
    // or renaming the handler never makes the cookies of logins in flight (or of another server of a farm) unreadable.
    internal const string ProtectorPurpose = "QqConnect.AspNetCore.Handler.QqConnectAuthenticationHandler";

    private readonly IDataProtectionProvider _dataProtection;

    public QqConnectPostConfigureOptions(IDataProtectionProvider dataProtection)
    {
        _dataProtection = dataProtection;
    }

    public void PostConfigure(string? name, QqConnectAuthenticationOptions options)
    {
        options.DataProtectionProvider ??= _dataProtection;
        if (options.StateDataFormat is null)
        {
            var protector = options.DataProtectionProvider.CreateProtector(ProtectorPurpose, name ?? string.Empty, "v1");
            options.StateDataFormat = new PropertiesDataFormat(protector);
        }
    }
}
