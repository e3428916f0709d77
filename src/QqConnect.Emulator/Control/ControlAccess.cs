using System.Net;
using Microsoft.AspNetCore.Http;

namespace QqConnect.Emulator.Control;

/// <summary>
/// Who may use the control API: a loopback peer, naming a loopback host, not sent by a web page of another site.
/// The server binds loopback only; these checks also stop a page in the developer's browser (DNS rebinding, a
/// cross-site form) from driving the emulator.
/// </summary>
internal static class ControlAccess
{
    /// <summary>Why a control request is refused, or null when it is allowed.</summary>
    public static string? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return Refusal(context.Connection.RemoteIpAddress, request.Host.HasValue ? request.Host.Host : null, request.Headers.Origin.ToString());
    }

    /// <summary>Why a control request from <paramref name="remote"/> for <paramref name="host"/> is refused, or null.</summary>
    public static string? Refusal(IPAddress? remote, string? host, string? origin)
    {
        if (remote is null || !IsLoopback(remote))
        {
            return "the control API answers only requests from this machine (a loopback address)";
        }

        if (host is null || !IsLoopbackHost(host))
        {
            return "the control API answers only requests for a loopback host (127.0.0.1, localhost or [::1])";
        }

        if (!string.IsNullOrEmpty(origin) && (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || !IsLoopbackHost(originUri.Host)))
        {
            return "the control API does not answer requests sent by a web page of another site (Origin " + origin + ")";
        }

        return null;
    }

    /// <summary>Whether an address is a loopback address (an IPv4-mapped IPv6 one included).</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>Whether a host name, as in a Host header or a URL, names this machine's loopback.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address);
    }
}
