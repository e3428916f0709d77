using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using QqConnect.AspNetCore.Handler;

namespace QqConnect.AspNetCore.Configuration;

/// <summary>Fills what the options need from services: Data Protection for the correlation cookie's properties.</summary>
internal sealed class QqConnectPostConfigureOptions : IPostConfigureOptions<QqConnectAuthenticationOptions>
{
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
            var protector = options.DataProtectionProvider.CreateProtector(typeof(QqConnectAuthenticationHandler).FullName!, name ?? string.Empty, "v1");
            options.StateDataFormat = new PropertiesDataFormat(protector);
        }
    }
}
